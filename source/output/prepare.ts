// The generate path both ways of filling the answers share (the answers file and the wizard):
// the templates (built-in, or a team's --templates) and the output folder as it is, around the pure
// answers -> decision -> files of generators/folder.ts, give the plan. Writing the plan stays with
// the caller, which decides whether and when to write.
import { resolve } from 'node:path';
import type { Answers } from '../../questionnaire/answers-schema.ts';
import type { ResolvedBaseImage } from '../../generators/build-context.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import { FailureError, InputError } from '../errors.ts';
import { onlyEditedConflicts, planFiles } from './plan.ts';
import type { FilePlan } from './plan.ts';
import { readOutputState } from './state.ts';
// TemplateError through folder.ts, the generators' one way in: the bundle makes folder.ts a file of
// its own (scripts/bundle-files.mjs), and an instanceof needs the class of that file.
import { TemplateError, generateFolder } from '../../generators/folder.ts';
import { loadTemplateSources } from '../template-modules/load.ts';
import { GENERATOR, GENERATOR_META } from '../version.ts';

const DEFAULT_OUT = 'ami-build';

export interface FolderOptions {
  cwd: string;
  /** --out as given; DEFAULT_OUT when absent. */
  out?: string;
  templates?: string;
  force: boolean;
  /** The current base image, when --resolve looked it up. */
  baseImage?: ResolvedBaseImage;
}

export interface PreparedFolder {
  decision: Decision;
  outDir: string;
  /** The folder as the user gave it (or the default), for messages. */
  outLabel: string;
  plan: FilePlan;
}

/** Everything up to the disk: the decision, the generated files and what writing them would do. */
export async function prepareFolder(answers: Answers, options: FolderOptions): Promise<PreparedFolder> {
  const sources = await loadTemplateSources(options.templates);
  let folder;
  try {
    folder = generateFolder(answers, sources, { ...GENERATOR_META, baseImage: options.baseImage });
  } catch (error) {
    // Only a team's own --templates can be bad input; a failing built-in template is our bug.
    if (error instanceof TemplateError && options.templates)
      throw new InputError(`Cannot render the templates: ${error.message}`);
    throw error;
  }
  const { decision, files } = folder;
  const outLabel = options.out ?? DEFAULT_OUT;
  // readOutputState resolves --out once (it may be a symlink the user chose); the plan holds the real folder.
  const state = await readOutputState(
    resolve(options.cwd, outLabel),
    files.map((f) => f.path),
    { force: options.force },
  );
  const plan = planFiles(state, files, { force: options.force, generator: GENERATOR });
  return { decision, outDir: plan.outDir, outLabel, plan };
}

/** The error a run ends with when edited files were left alone (exit code 1). */
export function conflictsError(plan: FilePlan): FailureError | undefined {
  if (plan.conflicts === 0) return undefined;
  if (onlyEditedConflicts(plan)) {
    return new FailureError(
      `${plan.conflicts} file(s) were edited since the last run and were left as they are. Re-run with --force to overwrite them (yours are kept as NAME.orig).`,
    );
  }
  return new FailureError(
    `${plan.conflicts} file(s) were left as they are (edited since the last run, not written by ami-wizard, or behind a symlink; see the plan).\n` +
      'Re-run with --force to replace them: a file you edited or ami-wizard never wrote is kept as NAME.orig, and a symlink is replaced, never its target.',
  );
}
