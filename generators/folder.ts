// answers -> decision -> files: everything ami-wizard generates, in one pure function. `generate`,
// the wizard, the audit (for the tag policy) and the tests all call it; they differ only in where
// the templates come from and where the files go.
import type { Answers } from '../questionnaire/answers-schema.ts';
import { decisionFor } from '../questionnaire/decision.ts';
import type { Decision } from '../questionnaire/recommend.ts';
import type { GeneratedFile } from './generated-file.ts';
import { generateFiles } from './index.ts';
import type { GeneratorMeta } from './index.ts';
import type { TemplateSources } from './render.ts';

/** A template that fails to render: thrown from here, so callers test it with this very class. */
export { TemplateError } from './render.ts';

export interface GeneratedFolder {
  decision: Decision;
  files: GeneratedFile[];
}

export function generateFolder(answers: Answers, templates: TemplateSources, meta: GeneratorMeta): GeneratedFolder {
  const decision = decisionFor(answers);
  return { decision, files: generateFiles(answers, decision, templates, meta) };
}
