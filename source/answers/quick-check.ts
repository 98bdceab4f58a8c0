// The quick path's check of an answers file: the JSON Schema's shape (shape.ts), then the
// rules across fields (questionnaire/answer-rules.ts). It answers only "valid or not": a file it
// rejects goes to zod and diagnostics.ts for the message, so a valid file never loads zod.
import { ANSWER_RULES } from '../../questionnaire/answer-rules.ts';
import { completeGuidance } from '../../questionnaire/questions.ts';
import type { Answers, ParsedAnswers } from '../../questionnaire/answer-fields.ts';
import { checkShape } from './shape.ts';

/** The answers with their defaults filled in (`data` is changed in place), or undefined. */
export function checkAnswers(data: unknown): Answers | undefined {
  if (!checkShape(data)) return undefined;
  const parsed = data as ParsedAnswers;
  const answers: Answers = { ...parsed, guidance: completeGuidance(parsed.guidance) };
  return ANSWER_RULES.every((rule) => rule(answers) === undefined) ? answers : undefined;
}
