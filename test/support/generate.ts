// Generates a folder in-process through the pipeline the CLI runs (generators/folder.ts with the
// built-in templates), and writes it to disk for the real tools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateFolder } from '../../generators/folder.ts';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import type { Answers } from '../../questionnaire/answers-schema.ts';
import { parseAnswers } from '../../source/answers/read.ts';
import { loadTemplateSources } from '../../source/template-modules/load.ts';
import { GENERATOR_META } from '../../source/version.ts';
import * as z from 'zod/mini';

export function answersFrom(input: unknown): Answers {
  return z.parse(AnswersSchema, input);
}

export async function generate(answers: Answers): Promise<GeneratedFile[]> {
  return generateFolder(answers, await loadTemplateSources(), GENERATOR_META).files;
}

export async function generateFromYaml(text: string): Promise<GeneratedFile[]> {
  return generate(await parseAnswers(text, 'answers.yaml'));
}

export function writeFiles(dir: string, files: GeneratedFile[]): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents, { mode: file.mode });
  }
}
