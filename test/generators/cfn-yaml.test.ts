// yamlDocument writes literal-safe multi-line strings itself instead of letting js-yaml scan them:
// the text must be exactly what js-yaml writes, wherever the string sits and whatever it holds, and
// must read back (through CFN_SCHEMA and through the independent `yaml` parser) as the same value.
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CFN_SCHEMA, getAtt, ref, sub, yamlDocument } from '../../generators/cfn-yaml.ts';

const jsYaml = (value: unknown) => dump(value, { schema: CFN_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' });

// Strings made of the characters that decide a block header or a line: breaks, spaces, a tab, a
// non-ASCII letter, a control character, YAML indicators, and the stand-in marker itself.
const piece = fc.constantFrom(
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  'é',
  '\u0007',
  '\u2028',
  '#',
  ': ',
  '- ',
  '|',
  '"',
  "'",
  'echo "${x}"',
  'ami-wizard-literal-block-0',
  'true',
  '12',
  'word',
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const leaf = fc.oneof(text, text, fc.integer(), fc.boolean(), text.map(sub), text.map(ref));
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom('Data', 'Script', 'a', 'b b', 'Fn::If'), tie('node'), { maxKeys: 4 }),
})).map;

describe('yamlDocument', () => {
  it('writes exactly what js-yaml writes, and reads back as the same value', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const yaml = yamlDocument(value);
        expect(yaml).toBe(jsYaml(value));
        expect(load(yaml, { schema: CFN_SCHEMA })).toEqual(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('nests a document as a literal block that both parsers read back', () => {
    const script = 'set -eu\n\n  indented first\necho "${HOME}" # not a comment\n\n\n';
    const inner = yamlDocument({ phases: [{ steps: [{ inputs: { commands: [script, 'one\ntwo'] } }] }] });
    const outer = { Resources: { C: { Properties: { Data: inner, Arn: getAtt('C', 'Arn'), Top: 'x\n' } } } };
    const yaml = yamlDocument(outer);
    expect(yaml).toBe(jsYaml(outer));
    expect(yaml).toContain('Data: |\n');
    const data = parseYaml(yaml, { customTags: ['!GetAtt'].map((tag) => ({ tag, resolve: (s: string) => s })) })
      .Resources.C.Properties.Data;
    expect(data).toBe(inner);
    expect(parseYaml(data).phases[0].steps[0].inputs.commands).toEqual([script, 'one\ntwo']);
  });
});
