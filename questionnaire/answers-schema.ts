// The answers file, described once: its fields (answer-fields.ts) and the rules across them
// (answer-rules.ts, which the quick path checks without zod). The TypeScript types, the validation,
// the JSON Schema printed by `ami-wizard schema` and the field documentation all come from here.
import * as z from 'zod/mini';
import { AnswersFields } from './answer-fields.ts';
import { completeAnswers } from './answer-fields.ts';
import type { ParsedAnswers } from './answer-fields.ts';
import { ANSWER_RULES } from './answer-rules.ts';

export type { Answers, AnswersInput, ParsedAnswers } from './answer-fields.ts';
export { completeAnswers } from './answer-fields.ts';
export { GUIDANCE_TAG_KEYS, LINEAGE_TAG_KEYS } from './answer-rules.ts';
export { ARCHITECTURES, BUILDERS, CONFIDENTIALITY, OPERATING_SYSTEMS, STAGES } from './answer-values.ts';
export type { Architecture, Builder, OperatingSystem } from './answer-values.ts';
export { CONFIG_TOOLS } from './config-tool.ts';
export type { ConfigTool } from './config-tool.ts';

/** The answers file's schema; its output has the questions a file may leave out filled in (completeAnswers). */
export const AnswersSchema = z.pipe(
  AnswersFields.check(
    z.superRefine<ParsedAnswers>((parsed, ctx) => {
      const answers = completeAnswers(parsed);
      for (const rule of ANSWER_RULES) {
        const problem = rule(answers);
        if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path, input: answers });
      }
    }),
  ),
  z.transform(completeAnswers),
);
