// The answers file's JSON Schema as the package ships it (schema/ami-wizard.schema.json), derived
// from the zod schema by `npm run schema`; test/e2e/generate.test.ts fails when it is stale.
import schema from '../schema/ami-wizard.schema.json' with { type: 'json' };

export const ANSWERS_SCHEMA_TEXT = `${JSON.stringify(schema, null, 2)}\n`;
