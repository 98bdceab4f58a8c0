// The strings every escaping test draws from, and an HCL decoder written from the spec: shared by
// the property tests (test/generators/escape-properties.test.ts, unit tier) and the round-trips
// through the real tools (test/generators/escape.test.ts, slow tier).
import fc from 'fast-check';
import { expect } from 'vitest';

const NASTY = [
  'Billing & "EU" $(touch /tmp/x) ${var.y} {{z}}',
  "'",
  "it's",
  '\\',
  'C:\\Users\\x',
  '$${',
  '${',
  '$$${',
  '%{',
  '%%{',
  '%%%{',
  '{{ .SourceAMI }}',
  '{{{',
  '}}',
  '{{"{{"}}',
  'a\nb\r\nc\td',
  '\n',
  '\u0000',
  'a\u0000b',
  '\u0001\u000b\u000c\u001b\u007f',
  '😀 ü',
  '👩‍👩‍👧',
  '\u2028\u2029',
  '\u0085\u009f',
  '\ufeff',
  '\ufffe\uffff',
  '\ud800',
  '`id`',
  '*',
  '|',
  '\\|',
  '<script>',
  '&amp; &#60;',
  '<https://a.b>',
  'www.example.com',
  '[x](http://y)',
  '![i](x)',
  '**b** _u_ ~~s~~',
  '# h',
  '- item',
  '1. x',
  '    indented',
  'trailing  ',
  ' ',
  '',
  '\u2018\u2019\u201a\u201b',
  '‘’',
];
// Random strings rarely contain `${` or `{{{`; the third arbitrary is dense in every language's syntax.
const syntax = fc.string({
  unit: fc.constantFrom(...'${}%\\"\'`\n\r\t\u0000 *_[]()<>|&#!~:-.\u2019\u2028\u0085\ufeff'),
  maxLength: 24,
});
export const strings = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  syntax,
  fc.constantFrom(...NASTY),
);
export const samples = (n: number, seed = 42) => [...NASTY, ...fc.sample(strings, { numRuns: n, seed })];
// A lone surrogate cannot be written to a UTF-8 file, argv or pipe; it arrives as U+FFFD.
export const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;

/** HCL2 native-syntax quoted-template decoder, written from the spec, independent of hclString. */
export function decodeHcl(literal: string): string {
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
