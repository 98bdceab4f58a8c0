// Every installer a Windows build downloads comes from a source in generators/installer-sources.ts
// and is checked before it runs (issue 18, defect 7). Linux builds are held to the same list by the
// build-and-boot simulation, which records every URL its curl fetched; Windows scripts are read:
// each Invoke-WebRequest's URL (a literal, or a variable set from one with $env:NAME, the pinned
// versions) must be in the list, and the file it wrote must be checked by the list's check.
import { describe, expect, it } from 'vitest';
import { INSTALLER_SOURCES, installerSource } from '../../generators/installer-sources.ts';
import type { InstallerCheck } from '../../generators/installer-sources.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import type { ConfigTool } from '../../questionnaire/answers-schema.ts';

// Ansible has no Windows agent (the answers refuse it).
const TOOLS: ConfigTool[] = ['chef', 'puppet', 'salt', 'shell'];

async function windowsScripts(tool: ConfigTool, strategy: string) {
  const a = minimalAnswers();
  Object.assign(a, {
    strategy,
    configManagement: tool,
    platform: { os: 'windows-server-2022', regions: ['eu-west-1'] },
    roles: [{ name: 'web', software: ['git'] }],
  });
  const files = await generate(answersFrom(a));
  const pinned = Object.fromEntries(
    [
      ...(files.find((f) => f.path === 'packer/versions.auto.pkrvars.hcl')?.contents ?? '').matchAll(
        /^(\w+)\s*=\s*"([^"]*)"$/gm,
      ),
    ].map((m) => [m[1]!.toUpperCase(), m[2]!]),
  );
  return { scripts: files.filter((f) => f.path.endsWith('.ps1')), pinned };
}

/** Each download in a script: its URL with $env:NAME filled in from the pinned versions, and the variable it wrote. */
function downloads(text: string, pinned: Record<string, string>) {
  const vars = Object.fromEntries(
    [...text.matchAll(/^\s*\$(\w+) = "(https:\/\/[^"]+)"$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  const fill = (url: string) => url.replace(/\$env:(\w+)/g, (_, name: string) => pinned[name] ?? `<unpinned ${name}>`);
  return [...text.matchAll(/Invoke-WebRequest\b[^\n]*-Uri (?:'([^']+)'|"([^"]+)"|\$(\w+))[^\n]*-OutFile (\S+)/g)].map(
    (m, _i, all) => {
      const raw = m[1] ?? m[2] ?? vars[m[3]!] ?? `<unknown $${m[3]}>`;
      const url = raw.replace(/^\$(\w+)/, (_, v: string) => vars[v] ?? `<unknown $${v}>`);
      return { url: fill(url), file: m[4]!, rest: text.slice(m.index! + m[0].length), count: all.length };
    },
  );
}

describe.each(TOOLS)('Windows with %s', (tool) => {
  it.each(['jeos', 'fully-baked'])(
    '%s: every download is from the list and checked before it runs',
    async (strategy) => {
      const { scripts, pinned } = await windowsScripts(tool, strategy);
      let seen = 0;
      for (const script of scripts) {
        for (const { url, file, rest } of downloads(script.contents, pinned)) {
          seen++;
          const source = installerSource(url);
          expect(source, `${script.path}: ${url} is not in generators/installer-sources.ts`).toBeDefined();
          if (url.endsWith('.sha256')) continue; // the published checksum itself
          const name = file.replace(/[$]/g, '\\$');
          // Authenticode by a named publisher (Assert-Signed), or valid whoever signed (its Status checked, the signer logged).
          const checks: Partial<Record<InstallerCheck, RegExp>> = {
            authenticode: new RegExp(`Assert-Signed ${name} `),
            'authenticode-valid': new RegExp(
              `\\$(\\w+) = Get-AuthenticodeSignature -FilePath ${name}\\n(?:#[^\\n]*\\n)*if \\(\\$\\1\\.Status -ne 'Valid'\\) \\{ throw `,
            ),
          };
          const check = checks[source!.check] ?? new RegExp(`Get-FileHash -Path ${name} -Algorithm SHA256`);
          expect(rest, `${script.path}: ${url} is not checked (${source!.check})`).toMatch(check);
        }
      }
      expect(seen).toBeGreaterThanOrEqual(2); // the CloudWatch agent and Chocolatey, at least
    },
  );
});

it('every source in the list says when it was checked and where', () => {
  for (const source of INSTALLER_SOURCES) {
    expect(source.checked, source.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(source.reference, source.name).toMatch(/^https:\/\//);
  }
});
