// The shape of an answers file, checked by the shipped JSON Schema (schema/ami-wizard.schema.json,
// generated from the zod schema) compiled by ajv, which fills in defaults as zod does. Running from
// source, ajv compiles the schema when this loads; the build swaps this module for ajv's standalone
// code for the same schema and options (scripts/build.mjs), so the CLI never loads ajv itself.
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schema/ami-wizard.schema.json' with { type: 'json' };

/**
 * As zod checks: lengths in code points (ajv's default, as zod's), patterns without the u flag. No
 * messages: the quick path asks only "valid or not" (a file it rejects gets zod's messages).
 */
export const AJV_OPTIONS = { useDefaults: true, unicodeRegExp: false, strict: false, messages: false } as const;

// Keywords that only describe (JSON Schema's annotations): nothing checks them. Where a schema holds
// schemas, by keyword; anything else (a default, a const, an enum) is data and kept as it is.
const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment']);
const SCHEMA_OF = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains']);
const SCHEMAS_OF = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems']);
const SCHEMAS_BY_NAME = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `schema` without its annotations, which checks the same: the code ajv makes from the shipped schema
 * (the bundle's, scripts/build.mjs) holds the schema, and its descriptions were a tenth of it.
 */
export function withoutAnnotations(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const kept = Object.entries(schema).filter(([keyword]) => !ANNOTATIONS.has(keyword));
  return Object.fromEntries(
    kept.map(([keyword, value]) => {
      if (SCHEMA_OF.has(keyword))
        return [keyword, Array.isArray(value) ? value.map(withoutAnnotations) : withoutAnnotations(value)];
      if (SCHEMAS_OF.has(keyword) && Array.isArray(value)) return [keyword, value.map(withoutAnnotations)];
      if (SCHEMAS_BY_NAME.has(keyword) && isObject(value))
        return [
          keyword,
          Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)])),
        ];
      return [keyword, value];
    }),
  );
}

/** True when `data` has the schema's shape; fills in missing defaults in place. */
export const checkShape: (data: unknown) => boolean = new Ajv2020(AJV_OPTIONS).compile(
  withoutAnnotations(schema) as typeof schema,
);
