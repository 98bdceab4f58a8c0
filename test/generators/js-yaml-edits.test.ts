// The bundle's js-yaml, bundled here with its edits alone (scripts/dependency-edits.mjs: the dumper's
// and the loader's skips, repeat()): it must write and read what js-yaml itself does, for any strings,
// the dump options the generators and the drafts use, and schemas with implicit types of their own.
import fc from 'fast-check';
import * as original from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { editedBundle, editsOf } from '../support/edited-bundle.ts';

const EDITED = ['js-yaml/lib/dumper.js', 'js-yaml/lib/common.js', 'js-yaml/lib/loader.js'];

async function editedJsYaml(): Promise<typeof original> {
  const { value, code } = await editedBundle<typeof original>("require('js-yaml')", editsOf(EDITED));
  expect(code).toContain('x5e-\\x7a'); // the edit is in
  return value;
}

// Strings near the edges of the edit: the characters it treats specially (# , [ ] { } :), spaces
// around them, line breaks, a tab, non-ASCII, and texts YAML would read as another type.
const piece = fc.constantFrom(
  ...['a', 'Z', '0', '9', ' ', ':', '#', ',', '[', ']', '{', '}', '-', '?', '!', '&', '*', '|', '>', "'", '"'],
  ...['%', '@', '`', '\\', '/', '.', '\n', '\t', '\r', 'é', '─', '😀', 'true', 'null', '1.5', '0x1F', '~', '=', '<<'],
  ...['arn:aws:iam::111122223333:role/x', 'Fn::If', 'AWS::Region', '2024-01-02', 'a: b', 'a #b', ' x', 'x '],
  ...['${AWS::Region}', '.inf', '.NaN', '-1', '+2', '0b1', '0o7', 'True', 'FALSE', 'Null', 'x1', 'xyz', 'Zed'],
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
);
const { doc } = fc.letrec((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.array(tie('doc'), { maxLength: 3 }),
    fc.dictionary(text, tie('doc'), { maxKeys: 3 }),
  ),
}));

/** A value, or the message of what was thrown instead. */
const outcome = (read: () => unknown) => {
  try {
    return { value: read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/** An implicit type of a caller's own: a plain scalar starting with "x" is read as { x: it }. */
const xType = (yaml: JsYaml) =>
  new yaml.Type('!x', {
    kind: 'scalar',
    resolve: (data: string) => typeof data === 'string' && /^x/.test(data),
    construct: (data: string) => ({ x: data }),
    instanceOf: Object,
    predicate: (value: unknown) => typeof value === 'object' && value !== null && 'x' in value,
    represent: (value: object) => (value as { x: string }).x,
  });

/** An explicit type of a caller's own that takes strings: one starting with "Z" is written `!z rest`. */
const zType = (yaml: JsYaml) =>
  new yaml.Type('!z', {
    kind: 'scalar',
    predicate: (value: unknown) => typeof value === 'string' && value.startsWith('Z'),
    represent: (value: object) => (value as unknown as string).slice(1),
  });

// Each option set for one copy of js-yaml (a schema is compared by identity with its own types).
type JsYaml = typeof original;
const optionSets: ((yaml: JsYaml) => Parameters<JsYaml['dump']>[1])[] = [
  () => ({ lineWidth: -1, noRefs: true, quotingType: '"' }),
  () => ({ lineWidth: -1, noRefs: true }),
  () => ({ lineWidth: 20 }),
  () => ({ lineWidth: -1, forceQuotes: true }),
  () => ({ lineWidth: -1, flowLevel: 1 }),
  () => ({ lineWidth: -1, indent: 4 }),
  () => ({ indent: 3, lineWidth: 30 }),
  () => ({}),
  // As generators/cfn-yaml.ts extends it: explicit tags only.
  (yaml) => ({ lineWidth: -1, schema: yaml.DEFAULT_SCHEMA.extend([new yaml.Type('!Ref', { kind: 'scalar' })]) }),
  (yaml) => ({ lineWidth: -1, schema: yaml.CORE_SCHEMA }),
  // An implicit type of the caller's own, which reads strings starting with "x": the skip is off.
  (yaml) => ({ lineWidth: -1, schema: yaml.DEFAULT_SCHEMA.extend({ implicit: [xType(yaml)] }) }),
  // An explicit type of the caller's own that represents strings starting with "Z" (with a tag).
  (yaml) => ({ lineWidth: -1, schema: yaml.DEFAULT_SCHEMA.extend([zType(yaml)]) }),
];

describe("the bundle's js-yaml", () => {
  it('writes what js-yaml writes, for every option set the project dumps with', async () => {
    const edited = await editedJsYaml();
    fc.assert(
      fc.property(doc, fc.constantFrom(...optionSets), (value, options) => {
        expect(edited.dump(value, options(edited))).toBe(original.dump(value, options(original)));
      }),
      { numRuns: 30_000, seed: 23 },
    );
  });

  // repeat() is the loader's too: the blank lines of block scalars.
  it('reads back what js-yaml reads, block scalars with blank lines included', async () => {
    const edited = await editedJsYaml();
    const blocks = ['|\n  a\n\n\n  b\n', '>\n  a\n\n\n  b\n\n', '|+\n  a\n\n\n', '>-\n\n\n  a\n   b\n\n  c\n'];
    for (const block of blocks) expect(edited.load(`k: ${block}`)).toEqual(original.load(`k: ${block}`));
    // Plain scalars as a person writes them: names, numbers, booleans, dates, nulls, merge keys.
    const scalar = fc
      .array(piece, { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('').replace(/[\n\r\t]/g, ''));
    const schemas = [
      (y: JsYaml) => y.DEFAULT_SCHEMA,
      (y: JsYaml) => y.CORE_SCHEMA,
      (y: JsYaml) => y.JSON_SCHEMA,
      (y: JsYaml) => y.DEFAULT_SCHEMA.extend({ implicit: [xType(y)] }),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scalar, scalar), { maxLength: 4 }),
        fc.constantFrom(...schemas),
        (pairs, schema) => {
          const yaml = pairs.map(([key, value], i) => `k${i}: ${value}\nl${i}:\n  - ${key}\n`).join('');
          const read = (y: JsYaml) => outcome(() => y.load(yaml, { schema: schema(y) }));
          expect(read(edited)).toEqual(read(original));
        },
      ),
      { numRuns: 10_000, seed: 23 },
    );
    fc.assert(
      fc.property(doc, fc.constantFrom(...optionSets), (value, options) => {
        const yaml = original.dump(value, options(original));
        expect(outcome(() => edited.load(yaml))).toEqual(outcome(() => original.load(yaml)));
      }),
      { numRuns: 5_000, seed: 23 },
    );
  });
});
