// One catalogue per fact: every fact about an operating system lives in questionnaire/platforms.ts.
// An OS id written anywhere else in the code, or a test of an OS's name for its family
// (os.startsWith('windows')), is a second copy that the next OS would miss; this rule finds both.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATING_SYSTEMS } from '../../questionnaire/platforms.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CODE = ['source', 'questionnaire', 'generators'];
const CATALOGUE = 'questionnaire/platforms.ts';

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An OS id from the catalogue, in a string, a message or a comment. */
const OS_ID = new RegExp(`(?<![\\w-])(?:${OPERATING_SYSTEMS.map(escapeRegex).join('|')})(?!\\w)`, 'g');
/** A family or vendor told by the OS's name: startsWith('windows'), os.includes("rhel"), /^ubuntu/. */
const NAME_CHECK =
  /\.(?:startsWith|endsWith|includes|indexOf|match|test)\(\s*['"`](?:windows|linux|ubuntu|rhel|amazon|al2023)|\/\^?(?:windows|ubuntu|rhel|amazon)[^/\n]*\/[a-z]*\.test\(/gi;

/** Each line of `text` that names an OS outside the catalogue, as `file:line: the match`. */
function osLiterals(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      [...line.matchAll(OS_ID), ...line.matchAll(NAME_CHECK)].map((m) => `${file}:${i + 1}: ${m[0]}`),
    );
}

describe('one platform catalogue', () => {
  it('the scanner finds an OS id and a family told by name, and passes a family told by the catalogue', () => {
    const sample = [
      "const ok = facts.family === 'windows';",
      "if (answers.platform.os === 'windows-server-2022') return 'shell';",
      'const hint = `${os} is not rhel-9`;',
      "const windows = os.startsWith('windows');",
      'const linux = /^ubuntu/.test(os);',
      "const name = 'Windows Server 2022 images';",
    ].join('\n');
    expect(osLiterals('x.ts', sample)).toEqual([
      'x.ts:2: windows-server-2022',
      'x.ts:3: rhel-9',
      "x.ts:4: .startsWith('windows",
      'x.ts:5: /^ubuntu/.test(',
    ]);
    for (const os of OPERATING_SYSTEMS) expect(osLiterals('x.ts', `'${os}'`)).toEqual([`x.ts:1: ${os}`]);
  });

  it(`no file in ${CODE.join('/, ')}/ names an OS except ${CATALOGUE}`, () => {
    const all = CODE.flatMap(files);
    expect(all).toContain(CATALOGUE);
    const found = all
      .filter((file) => file !== CATALOGUE)
      .flatMap((file) => osLiterals(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
    // The catalogue itself names them, so the scan reads what it judges.
    expect(osLiterals(CATALOGUE, readFileSync(join(ROOT, CATALOGUE), 'utf8')).length).toBeGreaterThan(3);
  });
});
