// Each escaping helper read back through the real tool of its language (packer, sh and bash, PyYAML,
// pwsh): the value comes back exactly. The in-process property tests of the same helpers, against
// independent decoders and parsers, are in escape-properties.test.ts and run in the unit tier.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hclString, packerTemplateString, powershellString, shWord, yamlString } from '../../generators/escape.ts';
import { samples, wellFormed } from '../support/escape-samples.ts';
import { PYTHON, hasTool, run, toolMissing } from '../support/tools.ts';

// packer and PyYAML are installed by .ci/run: missing in CI fails the suite, locally it warns and skips.
const hasPacker = hasTool('packer', ['version']);
const hasPyYaml = spawnSync(PYTHON, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
if (!hasPyYaml)
  toolMissing(
    'python3-yaml',
    'validator missing: python3 with PyYAML (Debian python3-yaml), so the python3 YAML cross-check does not run',
  );
// Debian has no PowerShell package, so pwsh is optional even in CI: warn, never fail.
const hasPwsh = !spawnSync('pwsh', ['-NoProfile', '-Command', 'exit 0'], { stdio: 'ignore' }).error;
if (!hasPwsh)
  toolMissing(
    'pwsh',
    'validator missing: pwsh, so PowerShell itself does not read powershellString back (the decoder check still runs)',
    { ciInstalls: false },
  );

describe('hclString', () => {
  it.skipIf(!hasPacker)('reads back exactly through the real packer, hclString and packerTemplateString alike', () => {
    const values = samples(50).filter(wellFormed);
    const cases = [
      ...values.map((v) => ({ literal: hclString(v), expected: v })),
      ...values.map((v) => ({ literal: packerTemplateString(v), expected: v.replace(/\{\{/g, '{{"{{"}}') })),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-hcl-'));
    try {
      const vars = cases
        .map((c, i) => `variable "v${i}" {\n  type    = string\n  default = ${c.literal}\n}\n`)
        .join('');
      // `packer console` (1.6.6) evaluates a local; jsonencode makes its output unambiguous (NULs, newlines).
      const all = `locals {\n  all = jsonencode([${cases.map((_, i) => `var.v${i}`).join(', ')}])\n}\n`;
      const build = 'source "null" "x" {\n  communicator = "none"\n}\nbuild {\n  sources = ["source.null.x"]\n}\n';
      writeFileSync(join(dir, 'x.pkr.hcl'), vars + all + build);
      const result = run('packer', ['console', dir], { input: 'local.all\n' });
      expect(result.code, result.output).toBe(0);
      expect(JSON.parse(result.stdout.trim())).toEqual(cases.map((c) => c.expected));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shWord', () => {
  // argv cannot carry NUL; printf '%s\0' separates the words the shell passes it.
  const values = samples(300).filter((s) => !s.includes('\u0000'));
  const script = `printf '%s\\0' ${values.map(shWord).join(' ')}\n`;
  const expected = Buffer.concat(values.flatMap((v) => [Buffer.from(v, 'utf8'), Buffer.from([0])]));

  it('passes bash -n', () => {
    const check = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  for (const shell of ['sh', 'bash']) {
    it(`is one word that ${shell} reads back exactly`, () => {
      const result = spawnSync(shell, ['-c', script], { maxBuffer: 1 << 26 });
      expect(result.status, String(result.stderr)).toBe(0);
      expect(result.stdout.equals(expected)).toBe(true);
    });
  }
});

describe('yamlString', () => {
  it.skipIf(!hasPyYaml)('round-trips through PyYAML, as mapping values in one document', () => {
    const values = samples(300);
    const doc = values.map((v, i) => `v${i}: ${yamlString(v)}`).join('\n');
    const py =
      'import sys, yaml, json; d = yaml.safe_load(sys.stdin.read()); print(json.dumps([d["v%d" % i] for i in range(len(d))]))';
    const result = spawnSync(PYTHON, ['-c', py], { input: doc, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(values);
  });
});

describe('powershellString', () => {
  it.skipIf(!hasPwsh)('reads back exactly through the real pwsh', () => {
    const values = samples(100).filter((s) => wellFormed(s) && !s.includes('\u0000'));
    const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-ps-'));
    try {
      const script = `[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)\nConvertTo-Json -Compress -InputObject @(\n${values.map(powershellString).join(',\n')}\n)\n`;
      writeFileSync(join(dir, 'x.ps1'), `\ufeff${script}`); // BOM: read as UTF-8 by every pwsh version
      const result = run('pwsh', ['-NoProfile', '-NonInteractive', '-File', join(dir, 'x.ps1')]);
      expect(result.code, result.output).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
