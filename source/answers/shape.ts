// The shape of an answers file, checked by the shipped JSON Schema (schema/ami-wizard.schema.json,
// generated from the zod schema) compiled by ajv, which fills in defaults as zod does. Running from
// source, ajv compiles the schema when this loads; the build swaps this module for ajv's standalone
// code for the same schema and options (scripts/build.mjs), so the CLI never loads ajv itself.
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schema/ami-wizard.schema.json' with { type: 'json' };

/** As zod checks: lengths in code points (ajv's default, as zod's), patterns without the u flag. */
export const AJV_OPTIONS = { useDefaults: true, unicodeRegExp: false, strict: false } as const;

/** True when `data` has the schema's shape; fills in missing defaults in place. */
export const checkShape: (data: unknown) => boolean = new Ajv2020(AJV_OPTIONS).compile(schema);
