// The quick path compiles the answers schema without its annotations (source/answers/shape.ts), and
// so does the build's standalone code of it. Dropped: what only describes. Kept: every check, and
// data that merely looks like an annotation (a property called "description", a default holding one).
// That both ways still accept exactly what zod accepts is quick-check.test.ts's property.
import { describe, expect, it } from 'vitest';
import schema from '../../schema/ami-wizard.schema.json' with { type: 'json' };
import { withoutAnnotations } from '../../source/answers/shape.ts';

describe('withoutAnnotations', () => {
  it('drops the annotation keywords wherever a schema may stand', () => {
    const described = { description: 'd', title: 't', $comment: 'c', examples: ['e'], type: 'string' };
    const plain = { type: 'string' };
    // Built from lists: an object literal with a `then` key reads as a promise to the linter.
    const one = ['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains'];
    const list = ['prefixItems', 'anyOf', 'allOf', 'oneOf'];
    const byName = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
    const schemaWith = (sub: object) => ({
      $id: 'x',
      type: 'object',
      ...Object.fromEntries(one.map((keyword) => [keyword, sub])),
      ...Object.fromEntries(list.map((keyword) => [keyword, [sub, sub]])),
      ...Object.fromEntries(byName.map((keyword) => [keyword, { a: sub, description: sub }])),
    });
    expect(withoutAnnotations({ ...schemaWith(described), description: 'top', title: 'top' })).toEqual(
      schemaWith(plain),
    );
  });

  it('keeps data: a property named like an annotation, defaults, consts and enums', () => {
    const input = {
      type: 'object',
      properties: {
        description: { type: 'string', description: 'gone' },
        title: { type: 'string' },
      },
      required: ['description', 'title'],
      default: { description: 'kept', title: 'kept' },
      const: { description: 'kept' },
      enum: [{ title: 'kept' }],
      additionalProperties: false,
    };
    expect(withoutAnnotations(input)).toEqual({
      ...input,
      properties: { description: { type: 'string' }, title: { type: 'string' } },
    });
  });

  it('leaves the shipped schema as it was but for its descriptions and title', () => {
    const stripped = JSON.stringify(withoutAnnotations(schema));
    expect(stripped).not.toContain('"description":');
    // The shipped schema has no property called description or title, and no default holding one.
    const byHand = JSON.parse(JSON.stringify(schema), (key, value) =>
      key === 'description' || key === 'title' ? undefined : value,
    );
    expect(JSON.parse(stripped)).toEqual(byHand);
  });
});
