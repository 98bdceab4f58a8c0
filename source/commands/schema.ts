import schema from '../../schema/ami-wizard.schema.json' with { type: 'json' };
import { EXIT } from '../errors.ts';
import { jsonOutput } from '../text/json-output.ts';
import type { CommandIO } from './context.ts';

export function schemaCommand(io: CommandIO): number {
  // The shipped file, printed like every other JSON (its text is the same as ANSWERS_SCHEMA_TEXT's).
  io.stdout(jsonOutput(schema));
  return EXIT.ok;
}
