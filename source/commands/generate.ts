// answers file -> decision -> files -> plan -> disk.
import { resolve } from 'node:path';
import { generateFiles } from '../../generators/index.ts';
import { TemplateError } from '../../generators/render.ts';
import type { CliArgs } from '../cli-options.ts';
import { FailureError, InputError } from '../errors.ts';
import { loadAnswers } from '../answers-file.ts';
import { formatPlan, planFiles, readOutputState } from '../file-plan.ts';
import { applyPlan } from '../write-plan.ts';
import { loadTemplateSources } from '../template-sources.ts';
import type { CommandIO } from './context.ts';
import { decisionFor, decisionJson } from './recommend.ts';
import { GENERATOR } from '../version.ts';
import { ANSWERS_SCHEMA_TEXT } from '../answers-schema-text.ts';

export const DEFAULT_OUT = 'ami-build';

export async function generateCommand(args: CliArgs, io: CommandIO): Promise<number> {
  if (!args.answers) throw new InputError('generate needs an answers file: ami-wizard --answers ami-wizard.yaml --out build/ami');
  const answers = await loadAnswers(args.answers);
  if (answers.platform.os === 'windows-server-2022') {
    throw new InputError(
      'Generating Windows Server 2022 images is not supported yet (recommend works for it). ' +
        'Set platform.os to amazon-linux-2023, ubuntu-24.04 or rhel-9 to generate.',
    );
  }
  const decision = decisionFor(answers);
  const sources = await loadTemplateSources(args.templates);
  let files;
  try {
    files = generateFiles(answers, decision, sources, { generator: GENERATOR, schemaText: ANSWERS_SCHEMA_TEXT });
  } catch (error) {
    // Only a team's own --templates can be bad input; a failing built-in template is our bug.
    if (error instanceof TemplateError && args.templates) throw new InputError(`Cannot render the templates: ${error.message}`);
    throw error;
  }
  const outDir = resolve(io.cwd, args.out ?? DEFAULT_OUT);
  const state = await readOutputState(outDir, files.map((f) => f.path), { force: args.force });
  const plan = planFiles(state, files, { force: args.force, generator: GENERATOR });
  if (!args.dryRun) await applyPlan(plan);

  if (args.json) {
    io.stdout(
      `${JSON.stringify(
        { outDir, dryRun: args.dryRun, decision: decisionJson(decision), plan: plan.entries.map(({ path, action }) => ({ path, action })) },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(`Design: ${decision.strategy}${decision.overridden ? ` (overridden; the model advises ${decision.recommended})` : ''}\n`);
    io.stdout(`${args.dryRun ? 'Plan (dry run, nothing written)' : 'Wrote'} ${outDir}:\n${formatPlan(plan)}`);
    if (!args.dryRun) io.stdout(`\nNext: cd ${args.out ?? DEFAULT_OUT}/packer && packer init . && make build\n`);
  }
  if (plan.conflicts > 0) {
    throw new FailureError(`${plan.conflicts} file(s) were edited since the last run and were left as they are. Re-run with --force to overwrite them.`);
  }
  return 0;
}
