// The quick reader of plain YAML (source/answers/quick-yaml.ts) against js-yaml with the core schema:
// for every text it reads, the same value; for every text js-yaml refuses, undefined. Texts come
// from the examples, from trees written out in the styles answers files use, and from those texts
// with one character or line changed, which is where a reader of a subset goes wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { quickYaml } from '../../source/answers/quick-yaml.ts';

const examples = join(import.meta.dirname, '../../examples');

/** js-yaml's value, or 'refused' when it throws. */
function jsYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return 'refused';
  }
}

/** Holds for `text`: quickYaml reads what js-yaml reads, or leaves the text to it. */
function agrees(text: string): boolean {
  const quick = quickYaml(text);
  if (quick === undefined) return true;
  expect(quick, text).toStrictEqual(jsYaml(text));
  return true;
}

// Trees of what answers hold, with keys and words the reader takes as plain text.
// ('constructor' is left out: the matcher below compares two objects' constructor properties as their types.)
const KEYS = ['name', 'version', 'os', 'costCenter', 'a_b', 'x-y', 'toString', '_k'];
const WORDS = ['web', 'amazon-linux-2023', '/web-shop/images', 'alias/x', 'eu-central-1', 'a b  c', 'f(x)=y+1@z'];
const ARNS = ['arn:aws:iam::111122223333:role/build', 'arn:aws:kms:eu-west-1:1:key/x'];
const leaf = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(true, false, null),
  fc.integer({ min: 0, max: 999_999_999 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '#', ':', ',', '[', '{', "'", '-', '1', '.'), maxLength: 8 }),
);
type Tree = unknown;
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree; map: Tree; list: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('map'), tie('list')),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
  list: fc.array(tie('node'), { maxLength: 4 }),
})).map;

/** How a tree is written: quoting, flow style for lists of scalars, spaces, comments. */
interface Style {
  quote: 'plain' | 'double' | 'single';
  flow: boolean;
  step: number;
  dashSpaces: number;
  colonSpaces: number;
  comments: boolean;
  sequenceAtKeyIndent: boolean;
}
const style = fc.record<Style>({
  quote: fc.constantFrom('plain', 'double', 'single'),
  flow: fc.boolean(),
  step: fc.integer({ min: 1, max: 4 }),
  dashSpaces: fc.integer({ min: 1, max: 3 }),
  colonSpaces: fc.integer({ min: 1, max: 2 }),
  comments: fc.boolean(),
  sequenceAtKeyIndent: fc.boolean(),
});

const isScalar = (value: unknown): boolean => value === null || typeof value !== 'object';
const plainSafe = (text: string): boolean =>
  /^[A-Za-z/_][A-Za-z0-9 _./@+=()-]*$/.test(text) && !/^(?:null|true|false|y|n|yes|no|on|off)$/i.test(text);

function scalarText(value: unknown, s: Style, inFlow: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (s.quote === 'plain' && plainSafe(value) && !value.endsWith(' ')) return value;
  if (!inFlow && s.quote === 'plain' && ARNS.includes(value)) return value;
  if (s.quote === 'single' || value.includes('"')) return `'${value.replaceAll("'", "''")}'`;
  return `"${value}"`;
}

const isEmpty = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && Object.keys(value).length === 0;
/** Written on its key's or item's line: a scalar, an empty collection, or (flow style) one of scalars. */
function inline(value: unknown, s: Style): string | undefined {
  if (isScalar(value)) return scalarText(value, s, false);
  const flat = isEmpty(value) || (s.flow && Object.values(value as object).every(isScalar));
  if (!flat) return undefined;
  if (Array.isArray(value)) return `[${value.map((v) => scalarText(v, s, true)).join(', ')}]`;
  return `{${Object.entries(value as object)
    .map(([k, v]) => `${k}: ${scalarText(v, s, true)}`)
    .join(', ')}}`;
}

const comment = (s: Style): string => (s.comments ? ' # note: a, [b]' : '');

function writeEntry([key, value]: [string, unknown], s: Style, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  const text = inline(value, s);
  if (text !== undefined) {
    lines.push(`${pad}${key}:${' '.repeat(s.colonSpaces)}${text}${comment(s)}`);
    return;
  }
  lines.push(`${pad}${key}:${comment(s)}`);
  if (Array.isArray(value)) writeList(value, s, s.sequenceAtKeyIndent ? indent : indent + s.step, lines);
  else for (const entry of Object.entries(value as object)) writeEntry(entry, s, indent + s.step, lines);
}

function writeList(items: unknown[], s: Style, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  const dash = `${pad}-${' '.repeat(s.dashSpaces)}`;
  for (const item of items) {
    const text = inline(item, s);
    if (text !== undefined) lines.push(`${dash}${text}${comment(s)}`);
    else if (Array.isArray(item)) {
      lines.push(`${pad}-${comment(s)}`);
      writeList(item, s, indent + s.step, lines);
    } else {
      // `- key: value`, the mapping's other keys lined up with the first.
      const entries: string[] = [];
      for (const entry of Object.entries(item as object)) writeEntry(entry, s, dash.length, entries);
      entries[0] = `${dash}${entries[0]!.trimStart()}`;
      lines.push(...entries);
    }
  }
}

/** A document: a top-level mapping written in style `s`. */
const document = fc
  .tuple(
    fc
      .dictionary(fc.constantFrom(...KEYS), tree, { minKeys: 1, maxKeys: 5 })
      .map((root) => JSON.parse(JSON.stringify(root))),
    style,
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([root, s, newline]) => {
    const lines: string[] = [];
    for (const entry of Object.entries(root)) writeEntry(entry, s, 0, lines);
    return { root, text: `# answers\n${lines.join(newline)}\n` };
  });

const CHANGES = [
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  "'",
  '"',
  '&a ',
  '*a',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\t',
  '\\',
  ' ',
  '  ',
  '\n',
  '\n  ',
  '0',
  '.',
  '~',
  'é',
  '\uFEFF',
  '\r',
];
const changed = fc
  .tuple(
    document,
    fc.nat(),
    fc.constantFrom(...CHANGES),
    fc.constantFrom('insert', 'replace', 'delete', 'duplicate-line'),
  )
  .map(([{ text }, at, piece, how]) => {
    const i = at % text.length;
    if (how === 'insert') return text.slice(0, i) + piece + text.slice(i);
    if (how === 'replace') return text.slice(0, i) + piece + text.slice(i + 1);
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    const lines = text.split('\n');
    const n = at % lines.length;
    return [...lines.slice(0, n + 1), ...lines.slice(n)].join('\n');
  });

describe('quickYaml', () => {
  it('reads every example answers file as js-yaml does', () => {
    for (const name of readdirSync(examples).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(examples, name), 'utf8');
      expect(quickYaml(text), name).toStrictEqual(load(text, { schema: CORE_SCHEMA }));
    }
  });

  it('reads a plain document in any of the styles answers files use, as written', () => {
    fc.assert(
      fc.property(document, ({ root, text }) => {
        expect(jsYaml(text), text).toStrictEqual(root); // the writer above is right
        expect(quickYaml(text), text).toStrictEqual(root);
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it('reads a changed document as js-yaml does, or leaves it to js-yaml', () => {
    fc.assert(fc.property(changed, agrees), { numRuns: 20_000, seed: 20261207 });
  });

  it('reads as js-yaml does, or leaves to it, at every depth and in each way of nesting', () => {
    const ways = [
      (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n${' '.repeat(n)}v: 1\n`,
      (n: number) =>
        `a:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- a:`).join('\n')}\n${'  '.repeat(n)}- x\n`,
      (n: number) =>
        `a:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}-`).join('\n')}\n${' '.repeat(n)}- x\n`,
    ];
    for (const way of ways) for (let n = 1; n <= 120; n++) agrees(way(n));
  });

  it.each([
    ['a key seen twice', 'a: 1\na: 2\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['an anchor and an alias', 'a: &x y\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['an escape', 'a: "x\\ny"\n'],
    ['a number that is not a plain whole number', 'a: 1.5\n'],
    ['a leading zero', 'a: 012\n'],
    ['another spelling of true', 'a: True\n'],
    ['a key YAML reads as true', 'true: 1\n'],
    ['__proto__', '__proto__: {a: 1}\n'],
    ['a value continued on the next line', 'a: b\n  c\n'],
    ['a line between two indentations', 'a:\n    b: 1\n  c: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a list at the top', '- a\n'],
    ['nested flow collections', 'a: [b, [c]]\n'],
    ['a flow list over two lines', 'a: [b,\n  c]\n'],
    ['a non-ASCII character', 'a: café\n'],
    ['a value that ends with a colon', 'a: b:\n'],
    ['a complex key', '? a\n: b\n'],
    ['nesting deeper than answers go', `${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n`],
    // Lists at their keys' indentation, of `- key:` items: js-yaml counts two levels a step, and
    // refuses a text nested more than 100 deep.
    [
      'lists of mappings nested deeper than answers go',
      `a:\n${Array.from({ length: 49 }, (_, i) => `${'  '.repeat(i)}- a:`).join('\n')}\n${'  '.repeat(49)}- x\n`,
    ],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(quickYaml(text)).toBeUndefined();
  });
});
