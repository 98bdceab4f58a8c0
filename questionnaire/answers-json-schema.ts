// The JSON Schema of the answers file, derived from the zod schema. Kept apart so that commands
// that only validate (recommend) do not load zod's JSON Schema converter.
import * as z from 'zod/mini';
import { AnswersSchema } from './answers-schema.ts';

export function answersJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(AnswersSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'ami-wizard.schema.json',
    title: 'ami-wizard answers file',
  };
}
