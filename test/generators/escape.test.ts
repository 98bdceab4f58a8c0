// Each escaping helper, proven over arbitrary strings against an independent decoder or the real
// parser of its language: the value comes back exactly, and nothing in it acts as syntax.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { hclString, jsonString, markdownText, packerTemplateString, powershellString, shWord, yamlString } from '../../generators/escape.ts';
import { REQUIRE_VALIDATORS, hasTool, run } from '../support/tools.ts';

const hasPacker = hasTool('packer', ['version']);
const hasPyYaml = spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
if (!hasPyYaml) {
  if (REQUIRE_VALIDATORS) throw new Error('validator missing: python3 with PyYAML (Debian python3-yaml), required in CI');
  console.warn('\n*** validator missing: PyYAML, so the python3 YAML cross-check does not run ***\n');
}

const NASTY = [
  'Billing & "EU" $(touch /tmp/x) ${var.y} {{z}}',
  "'", '\\', '$${', '${', '%{', '%%{', '{{ .SourceAMI }}', '{{{', '}}', 'a\nb\r\nc\td', '\u0000', '😀 ü',
  '\u2028\u2029', '\u0085\u009f', '\ufeff', '`id`', '*', '|', '<script>', '[x](http://y)', '# h', '- item', '',
];
const strings = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(...NASTY));
const samples = (n: number, seed = 42) => [...NASTY, ...fc.sample(strings, { numRuns: n, seed })];

/** HCL2 native-syntax quoted string decoder, written from the spec, independent of hclString. */
function decodeHcl(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const e = body[++i];
      if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === '"' || e === '\\') out += e;
      else if (e === 'u') (out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16))), (i += 4);
      else throw new Error(`bad escape \\${e}`);
    } else if ((c === '$' || c === '%') && body[i + 1] === '{') {
      throw new Error(`live template sequence ${c}{ at ${i}`);
    } else if ((c === '$' || c === '%') && body[i + 1] === c && body[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else if (c === '"' || c === '\n') throw new Error('unescaped quote or newline');
    else out += c;
  }
  return out;
}

describe('hclString', () => {
  it('round-trips through an HCL decoder and leaves no live ${ or %{', () => {
    fc.assert(fc.property(strings, (s) => decodeHcl(hclString(s)) === s), { numRuns: 2000 });
  });

  it.skipIf(!hasPacker)('reads back exactly through the real packer (HCL2 variable defaults)', () => {
    const values = samples(60).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(s));
    const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-hcl-'));
    try {
      const vars = values.map((v, i) => `variable "v${i}" {\n  type = string\n  default = ${hclString(v)}\n}\n`).join('');
      // Packer 1.6.6 prints evaluated locals in `packer console`; jsonencode makes the output unambiguous.
      writeFileSync(join(dir, 'vars.pkr.hcl'), `${vars}\nlocals {\n  all = jsonencode([${values.map((_, i) => `var.v${i}`).join(', ')}])\n}\nsource "null" "x" {\n  communicator = "none"\n}\nbuild {\n  sources = ["source.null.x"]\n}\n`);
      const result = run('packer', ['console', dir], { input: 'local.all\n' });
      expect(result.code, result.output).toBe(0);
      expect(JSON.parse(result.stdout.trim())).toEqual(values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('packerTemplateString', () => {
  // Go text/template: the only actions we emit are {{"{{"}}, which print a literal {{.
  const renderGoTemplate = (s: string) => {
    const texts = s.split('{{"{{"}}');
    for (const text of texts) expect(text).not.toContain('{{'); // no other action may remain
    return texts.join('{{');
  };
  it('survives HCL and then Go templating as the original text', () => {
    fc.assert(fc.property(strings, (s) => renderGoTemplate(decodeHcl(packerTemplateString(s))) === s), { numRuns: 2000 });
  });
});

describe('shWord', () => {
  it('is one shell word that bash reads back exactly', () => {
    const values = samples(300).filter((s) => !s.includes('\u0000'));
    const script = `printf '%s\\0' ${values.map(shWord).join(' ')}\n`;
    expect(spawnSync('bash', ['-n', '-c', script]).status).toBe(0);
    const output = execFileSync('bash', ['-c', script], { maxBuffer: 1 << 26 });
    const words = output.toString('utf8').split('\0').slice(0, -1);
    expect(words).toEqual(values.map((v) => Buffer.from(v, 'utf8').toString('utf8')));
  });
});

describe('jsonString', () => {
  it('round-trips through JSON.parse', () => {
    fc.assert(fc.property(strings, (s) => JSON.parse(jsonString(s)) === s), { numRuns: 2000 });
  });
});

describe('yamlString', () => {
  it('round-trips through the yaml parser, alone and as a mapping value', () => {
    fc.assert(
      fc.property(strings, (s) => parseYaml(yamlString(s)) === s && parseYaml(`key: ${yamlString(s)}\n`).key === s),
      { numRuns: 2000 },
    );
  });

  it.skipIf(!hasPyYaml)('round-trips through PyYAML', () => {
    const values = samples(200).filter((s) => !/[\ud800-\udfff]/.test(s));
    const doc = values.map((v, i) => `v${i}: ${yamlString(v)}`).join('\n');
    const out = execFileSync('python3', ['-c', 'import sys, yaml, json; d = yaml.safe_load(sys.stdin.read()); print(json.dumps([d["v%d" % i] for i in range(len(d))]))'], { input: doc });
    expect(JSON.parse(out.toString())).toEqual(values);
  });
});

describe('markdownText', () => {
  const md = new MarkdownIt();
  const text = (html: string) =>
    html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const printable = strings.map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' '));

  it('renders as the literal text, with no markup', () => {
    fc.assert(
      fc.property(printable, (s) => {
        const html = md.renderInline(markdownText(s));
        expect(html).not.toMatch(/<[a-z]/i);
        expect(text(html).replace(/\s+/g, ' ').trim()).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('stays inside one table cell', () => {
    fc.assert(
      fc.property(printable, (s) => {
        const html = md.render(`| a | b |\n| --- | --- |\n| x | ${markdownText(s)} |\n`);
        const row = html.split('<tbody>')[1] ?? '';
        expect((row.match(/<td>/g) ?? []).length).toBe(2);
      }),
      { numRuns: 500 },
    );
  });
});

describe('powershellString', () => {
  const decode = (literal: string) => literal.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1');
  it('round-trips through a single-quoted-string decoder', () => {
    fc.assert(fc.property(strings, (s) => decode(powershellString(s)) === s), { numRuns: 2000 });
  });
});
