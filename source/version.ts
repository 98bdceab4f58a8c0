// What this package is and ships: its version, the generator name every generated folder records, and
// the answers file's JSON Schema (schema/ami-wizard.schema.json, derived from the zod schema by
// `npm run schema`; test/e2e/generate.test.ts fails when it is stale), written next to every answers copy.
import schema from '../schema/ami-wizard.schema.json' with { type: 'json' };
import { VERSION } from './package-version.ts';

export { VERSION };
export const GENERATOR = `ami-wizard@${VERSION}`;
export const ANSWERS_SCHEMA_TEXT = `${JSON.stringify(schema, null, 2)}\n`;

/** What every generated folder records about the package that wrote it. */
export const GENERATOR_META = { generator: GENERATOR, schemaText: ANSWERS_SCHEMA_TEXT } as const;
