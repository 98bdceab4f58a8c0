// (answers, decision, templates) -> the files of the generated folder. Pure: no disk, no terminal.
import type { Answers } from '../questionnaire/answers-schema.ts';
import type { Decision } from '../questionnaire/recommend.ts';
import { answersChecksum, generateAnswersCopy } from './answers-copy.ts';
import { generateBootstrap } from './bootstrap.ts';
import { generateCi } from './ci.ts';
import { buildContext } from './build-context.ts';
import type { ResolvedBaseImage } from './build-context.ts';
import { generateConfigManagement } from './config-management.ts';
import { generateDocs } from './docs.ts';
import type { GeneratedFile } from './generated-file.ts';
import { generatePacker } from './packer.ts';
import { createRenderer } from './render.ts';
import type { TemplateSources } from './render.ts';
import { generateTagging } from './tagging.ts';
import { generateImageBuilder } from './image-builder.ts';
import { generateIam } from './iam.ts';

export interface GeneratorMeta {
  /** `ami-wizard@VERSION`, recorded in the files and tags. */
  generator: string;
  /** The answers file's JSON Schema text, written next to the answers copy for editors. */
  schemaText: string;
  /** The current base image, when it was looked up; recorded in decision.md. */
  baseImage?: ResolvedBaseImage | undefined;
}

export function generateFiles(
  answers: Answers,
  decision: Decision,
  sources: TemplateSources,
  meta: GeneratorMeta,
): GeneratedFile[] {
  const ctx = buildContext(answers, decision, {
    generator: meta.generator,
    answersChecksum: answersChecksum(answers),
    baseImage: meta.baseImage,
  });
  const templates = createRenderer(sources);
  const bootstrap = generateBootstrap(ctx, templates);
  // Both engines run the same scripts; `builder` says which folders to write.
  const { packer, imageBuilder } = ctx.engines;
  return [
    ...generateDocs(ctx, templates),
    ...generateAnswersCopy(answers, meta.schemaText),
    ...(packer ? generatePacker(ctx, templates) : []),
    ...(imageBuilder ? generateImageBuilder(ctx, templates, bootstrap) : []),
    ...bootstrap,
    ...generateConfigManagement(ctx, templates),
    ...generateTagging(ctx, templates),
    ...generateIam(ctx),
    ...generateCi(ctx, templates),
  ];
}
