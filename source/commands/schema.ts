import { ANSWERS_SCHEMA_TEXT } from '../answers-schema-text.ts';
import type { CommandIO } from './context.ts';

export function schemaCommand(io: CommandIO): number {
  io.stdout(ANSWERS_SCHEMA_TEXT);
  return 0;
}
