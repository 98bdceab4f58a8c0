import { answersJsonSchema } from '../../questionnaire/answers-schema.ts';
import type { CommandIO } from './context.ts';

export function schemaCommand(io: CommandIO): number {
  io.stdout(`${JSON.stringify(answersJsonSchema(), null, 2)}\n`);
  return 0;
}
