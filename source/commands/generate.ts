// answers file -> decision -> files -> plan -> disk.
import type { Answers } from '../../questionnaire/answers-schema.ts';
import type { CliArgs } from '../cli-options.ts';
import { EXIT, InputError } from '../errors.ts';
import { loadAnswers } from '../answers/read.ts';
import { applyPlan, conflictsError, planEntryJson, prepareFolder, runText } from '../output/generate-path.ts';
import type { CommandIO } from './context.ts';
import { decisionJson } from '../../questionnaire/decision.ts';
import { printable } from '../text/printable.ts';
import { jsonOutput } from '../text/json-output.ts';

/** `given`: the answers when the caller has already loaded them from args.answers. */
export async function generateCommand(args: CliArgs, io: CommandIO, given?: Answers): Promise<number> {
  if (!args.answers)
    throw new InputError('generate needs an answers file: ami-wizard --answers ami-wizard.yaml --out build/ami');
  const answers = given ?? (await loadAnswers(args.answers));
  // --resolve: the only path of generate that talks to AWS; the SDK loads inside find-base-image.
  const baseImage = args.resolve
    ? await (await import('../aws/find-base-image.ts')).findBaseImage(
        { os: answers.platform.os, architecture: answers.platform.architecture, region: answers.platform.regions[0] },
        { timeoutMs: args.awsTimeoutMs },
      )
    : undefined;
  if (baseImage && !args.json)
    io.stdout(
      `Base image: ${printable(baseImage.name)} (${printable(baseImage.imageId)}, created ${printable(baseImage.creationDate)})\n`,
    );
  const { decision, outDir, outLabel, plan } = await prepareFolder(answers, {
    cwd: io.cwd,
    out: args.out,
    templates: args.templates,
    force: args.force,
    baseImage,
  });
  if (!args.dryRun) await applyPlan(plan);

  if (args.json) {
    io.stdout(
      jsonOutput({
        outDir,
        dryRun: args.dryRun,
        decision: decisionJson(decision),
        baseImage,
        plan: plan.entries.map(planEntryJson),
      }),
    );
    // JSON on stdout, and the conflict in words on stderr for the script's log.
    const conflicts = conflictsError(plan);
    if (conflicts) throw conflicts;
    return EXIT.ok;
  }
  // The text ends once: its summary already says what was left and what to do about it.
  io.stdout(runText({ decision, outDir, outLabel, plan, written: !args.dryRun }));
  return plan.conflicts > 0 ? EXIT.failure : EXIT.ok;
}
