// Each escaping helper, proven over arbitrary strings against an independent decoder or the real
// parser of its language: the value comes back exactly, and nothing in it acts as syntax.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { hclString, jsonString, markdownText, packerTemplateString, powershellString, shWord, yamlString } from '../../generators/escape.ts';
import { PYTHON, REQUIRE_VALIDATORS, hasTool, run } from '../support/tools.ts';
import { CONTROL_CHARACTERS } from '../../questionnaire/answer-values.ts';

// packer and PyYAML are installed by .ci/run: missing in CI fails the suite, locally it warns and skips.
const hasPacker = hasTool('packer', ['version']);
const hasPyYaml = spawnSync(PYTHON, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
if (!hasPyYaml) {
  if (REQUIRE_VALIDATORS) throw new Error('validator missing: python3 with PyYAML (Debian python3-yaml), required in CI');
  console.warn('\n*** validator missing: PyYAML, so the python3 YAML cross-check does not run ***\n');
}
// Debian has no PowerShell package, so pwsh is optional even in CI: warn, never fail.
const hasPwsh = !spawnSync('pwsh', ['-NoProfile', '-Command', 'exit 0'], { stdio: 'ignore' }).error;
if (!hasPwsh) console.warn('\n*** validator missing: pwsh, so PowerShell itself does not read powershellString back (the decoder check still runs) ***\n');

const NASTY = [
  'Billing & "EU" $(touch /tmp/x) ${var.y} {{z}}',
  "'", "it's", '\\', 'C:\\Users\\x', '$${', '${', '$$${', '%{', '%%{', '%%%{', '{{ .SourceAMI }}', '{{{', '}}', '{{"{{"}}',
  'a\nb\r\nc\td', '\n', '\u0000', 'a\u0000b', '\u0001\u000b\u000c\u001b\u007f', '😀 ü', '👩‍👩‍👧', '\u2028\u2029', '\u0085\u009f',
  '\ufeff', '\ufffe\uffff', '\ud800', '`id`', '*', '|', '\\|', '<script>', '&amp; &#60;', '<https://a.b>', 'www.example.com',
  '[x](http://y)', '![i](x)', '**b** _u_ ~~s~~', '# h', '- item', '1. x', '    indented', 'trailing  ', ' ', '',
  '\u2018\u2019\u201a\u201b', '‘’',
];
// Random strings rarely contain `${` or `{{{`; the third arbitrary is dense in every language's syntax.
const syntax = fc.string({ unit: fc.constantFrom(...'${}%\\"\'`\n\r\t\u0000 *_[]()<>|&#!~:-.\u2019\u2028\u0085\ufeff'), maxLength: 24 });
const strings = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), syntax, fc.constantFrom(...NASTY));
const samples = (n: number, seed = 42) => [...NASTY, ...fc.sample(strings, { numRuns: n, seed })];
// A lone surrogate cannot be written to a UTF-8 file, argv or pipe; it arrives as U+FFFD.
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;

/** HCL2 native-syntax quoted-template decoder, written from the spec, independent of hclString. */
function decodeHcl(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"') && literal.length >= 2).toBe(true);
  const body = literal.slice(1, -1);
  const hex = (n: number, at: number) => {
    const digits = body.slice(at, at + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) throw new Error(`bad \\u escape at ${at}`);
    return String.fromCodePoint(parseInt(digits, 16));
  };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const e = body[++i];
      if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === '"' || e === '\\') out += e;
      else if (e === 'u') (out += hex(4, i + 1)), (i += 4);
      else if (e === 'U') (out += hex(8, i + 1)), (i += 8);
      else throw new Error(`bad escape \\${e}`);
    } else if ((c === '$' || c === '%') && body[i + 1] === c && body[i + 2] === '{') {
      out += `${c}{`; // the escapes $${ and %%{
      i += 2;
    } else if ((c === '$' || c === '%') && body[i + 1] === '{') {
      throw new Error(`live template sequence ${c}{ at ${i}`);
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error('unescaped quote or line break');
    else out += c;
  }
  return out;
}

describe('hclString', () => {
  it('round-trips through an HCL decoder, leaves no live ${ or %{ and no raw control character', () => {
    fc.assert(fc.property(strings, (s) => decodeHcl(hclString(s)) === s && !/[\u0000-\u001f\u007f]/.test(hclString(s))), { numRuns: 3000 });
  });

  it.skipIf(!hasPacker)('reads back exactly through the real packer, hclString and packerTemplateString alike', () => {
    const values = samples(50).filter(wellFormed);
    const cases = [
      ...values.map((v) => ({ literal: hclString(v), expected: v })),
      ...values.map((v) => ({ literal: packerTemplateString(v), expected: v.replace(/\{\{/g, '{{"{{"}}') })),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-hcl-'));
    try {
      const vars = cases.map((c, i) => `variable "v${i}" {\n  type    = string\n  default = ${c.literal}\n}\n`).join('');
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

describe('packerTemplateString', () => {
  // Go text/template, reduced to what we emit: the action {{"{{"}} prints {{, and no other action may remain.
  const renderGoTemplate = (s: string) => {
    const texts = s.split('{{"{{"}}');
    for (const text of texts) expect(text).not.toContain('{{');
    return texts.join('{{');
  };
  it('survives HCL and then Go templating as the original text', () => {
    fc.assert(fc.property(strings, (s) => renderGoTemplate(decodeHcl(packerTemplateString(s))) === s), { numRuns: 3000 });
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

  it('is always one single-quoted word', () => {
    fc.assert(fc.property(strings, (s) => /^'([^']|'\\'')*'$/.test(shWord(s))), { numRuns: 3000 });
  });
});

describe('jsonString', () => {
  it('round-trips through JSON.parse', () => {
    fc.assert(fc.property(strings, (s) => JSON.parse(jsonString(s)) === s), { numRuns: 3000 });
  });
});

describe('yamlString', () => {
  it('round-trips through the yaml parser, alone and as a mapping value', () => {
    fc.assert(
      fc.property(strings, (s) => parseYaml(yamlString(s)) === s && parseYaml(`key: ${yamlString(s)}\n`).key === s),
      { numRuns: 2000 },
    );
  });

  it.skipIf(!hasPyYaml)('round-trips through PyYAML, as mapping values in one document', () => {
    const values = samples(300);
    const doc = values.map((v, i) => `v${i}: ${yamlString(v)}`).join('\n');
    const py = 'import sys, yaml, json; d = yaml.safe_load(sys.stdin.read()); print(json.dumps([d["v%d" % i] for i in range(len(d))]))';
    const result = spawnSync(PYTHON, ['-c', py], { input: doc, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(values);
  });
});

describe('markdownText', () => {
  const md = new MarkdownIt({ linkify: true }); // linkify: bare URLs must not become links either
  const decodeEntities = (html: string) =>
    html
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  // What a reader should see: the text with whitespace runs collapsed (HTML does that anyway).
  // Control characters (only EC2 data can hold them) show as visible \uXXXX escapes.
  const control = new RegExp(`[${CONTROL_CHARACTERS}]`, 'g');
  const visible = (s: string) =>
    s
      .replace(/[\r\n\t]+/g, ' ')
      .replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/\s+/g, ' ')
      .trim();

  it('renders inline as the literal text, with no markup at all', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const html = md.renderInline(markdownText(s));
        expect(html).not.toContain('<'); // no tag of any kind
        expect(decodeEntities(html).replace(/\s+/g, ' ').trim()).toBe(visible(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('renders as one plain paragraph on a line of its own, and bold between **', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const m = markdownText(s);
        expect(m).not.toMatch(/[\r\n\t]/);
        const block = md.render(`${m}\n`);
        if (visible(s) === '') return void expect(block).toBe('');
        const inner = /^<p>([^<]*)<\/p>\n$/.exec(block)?.[1];
        expect(inner, block).toBeDefined();
        expect(decodeEntities(inner!).replace(/\s+/g, ' ').trim()).toBe(visible(s));
        expect(md.render(`- **${m}**\n`)).toMatch(/^<ul>\n<li><strong>[^<]*<\/strong><\/li>\n<\/ul>\n$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays inside one GFM table cell', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const html = md.render(`| a | b |\n| --- | --- |\n| x | ${markdownText(s)} |\n`);
        const cells = [...(html.split('<tbody>')[1] ?? '').matchAll(/<td>([^]*?)<\/td>/g)].map((m) => m[1]!);
        expect(cells.length, html).toBe(2);
        expect(cells[1]).not.toContain('<');
        // GFM drops cells beyond the header's count, so check the text too: a stray | would cut it.
        expect(decodeEntities(cells[1]!).replace(/\s+/g, ' ').trim()).toBe(visible(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('powershellString', () => {
  // PowerShell's tokenizer: inside '…', any quote char followed by another one is an escape that
  // yields the second; any other quote char ends the string, which must then be the literal's end.
  const isQuote = (c: string | undefined) => c !== undefined && /['\u2018\u2019\u201a\u201b]/.test(c);
  const decode = (literal: string): string => {
    expect(isQuote(literal[0])).toBe(true);
    let out = '';
    for (let i = 1; i < literal.length; i++) {
      const c = literal[i]!;
      if (!isQuote(c)) out += c;
      else if (isQuote(literal[i + 1])) out += literal[++i];
      else if (i === literal.length - 1) return out;
      else throw new Error(`string ends early at ${i}`);
    }
    throw new Error('unterminated string');
  };

  it('round-trips through a PowerShell single-quoted-string decoder', () => {
    fc.assert(fc.property(strings, (s) => decode(powershellString(s)) === s), { numRuns: 3000 });
  });

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
