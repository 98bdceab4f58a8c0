// The interactive wizard: the steps over one context, the Ink screens as their prompts, and the
// three ways a run ends: written (0, or 1 with conflicts), cancelled (130), bad input (2, thrown).
// A run that ends any other way than written or saved keeps its answers as a draft (draft-file.ts),
// outside the project, and the next start for the same folder offers to resume it.
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliArgs } from '../cli-options.ts';
import { EXIT } from '../errors.ts';
import { answeredCount, emptyDraft, validateDraft } from '../answers/draft.ts';
import { DRAFT_DAYS, draftPath, draftsFolder } from '../answers/draft-location.ts';
import type { Prefill } from '../answers/prefill.ts';
import { answersSavedText, runText } from '../output/plan-text.ts';
import { draftIgnoredNote, draftKeptLine, draftNotKeptLine, homeShortened, resumeLabel } from '../text/draft-text.ts';
import { trailLines } from '../text/trail-text.ts';
import { screenSize } from '../text/welcome-text.ts';
import { createPrompts } from '../ui/prompts.ts';
import type { FirstFrame } from '../ui/first-frame.ts';
import type { WizardContext } from '../wizard/context.ts';
import { runSteps } from '../wizard/flow.ts';
import { DEFAULT_OUT } from '../wizard/steps-build.ts';
import { WIZARD_STEPS } from '../wizard/steps.ts';
import type { CommandIO } from './context.ts';
import { withHost } from './host-session.ts';

export async function runWizard(
  args: CliArgs,
  io: CommandIO,
  firstFrame: FirstFrame,
  prefill?: Prefill,
): Promise<number> {
  const finish = () => {
    firstFrame.erase();
    firstFrame.restore();
  };
  const env = io.env ?? {};
  // The draft belongs to the output folder the run starts with: the folder the next run would use.
  const outDir = resolve(io.cwd, args.out ?? DEFAULT_OUT);
  const folder = args.yes ? undefined : draftsFolder(env);
  const draftFile = folder && draftPath(folder, outDir);
  const shown = (file: string) => homeShortened(file, env.HOME);
  let ctx: WizardContext | undefined;
  let code: number;
  try {
    code = await withHost(
      io,
      { beforeFirstFrame: () => firstFrame.erase(), afterClose: finish, firstScreenStarts: !args.yes },
      async ({ host, signal }) => {
        const { draft, given, corrections } =
          prefill ??
          (args.answers
            ? await (await import('../answers/wizard-files.ts')).draftFromFile(args.answers)
            : { draft: emptyDraft(), given: new Set<string>(), corrections: [] });
        ctx = {
          args,
          cwd: io.cwd,
          draft,
          given,
          prompts: createPrompts(host, () => ctx!.progress),
          signal,
          progress: { step: 0, total: WIZARD_STEPS.length },
          env,
          ...(args.answers ? { answersFile: args.answers } : {}),
          askedAgain: corrections,
          ...(draftFile && !args.answers ? await resumeOffer(draftFile, shown(draftFile)) : {}),
        };
        return run(ctx, io, host.close, signal);
      },
    );
  } catch (error) {
    await keepOrRemove(ctx, io);
    throw error;
  }
  await keepOrRemove(ctx, io);
  return code;

  /** After the terminal is given back: a finished run removes its draft, any other keeps one (with one line saying where). */
  async function keepOrRemove(ended: WizardContext | undefined, out: CommandIO): Promise<void> {
    if (!draftFile || !ended) return;
    const finished = Boolean(ended.outcome?.written || ended.answersSaved);
    const count = answeredCount(ended.draft, ended.given);
    if (finished ? !somethingAt(draftFile) : count === 0) return;
    // The draft modules (and js-yaml) load only here and when a draft is found, not at start-up.
    const { draftText, keepDraft, removeDraft } = await import('../answers/wizard-files.ts');
    if (finished) return removeDraft(draftFile);
    const text = draftText(ended.draft, ended.screen ?? 'welcome', new Date());
    const problem = text === undefined ? 'an answer looks like a secret' : await keepDraft(draftFile, text, outDir);
    out.stderr(
      `${problem === undefined ? draftKeptLine(count, shown(draftFile), DRAFT_DAYS, { out: args.out, fromAnswers: args.answers !== undefined }) : draftNotKeptLine(problem)}\n`,
    );
  }
}

/** A fresh draft for this folder, as the welcome offers it; a note when one was found but is not usable. */
async function resumeOffer(file: string, shownFile: string): Promise<Pick<WizardContext, 'resume' | 'welcomeNote'>> {
  if (!somethingAt(file)) return {};
  const { readKeptDraft, removeDraft } = await import('../answers/wizard-files.ts');
  const now = new Date();
  const kept = await readKeptDraft(file, now);
  if (kept === undefined || kept.kind === 'expired') return {};
  if (kept.kind === 'invalid') return { welcomeNote: draftIgnoredNote(shownFile, kept.reason) };
  return {
    resume: {
      draft: kept.prefill.draft,
      screen: kept.screen,
      label: resumeLabel(kept.step, kept.savedAt, now),
      discard: () => removeDraft(file),
    },
  };
}

function somethingAt(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

async function run(ctx: WizardContext, io: CommandIO, closeHost: () => void, signal: AbortSignal): Promise<number> {
  await runSteps(WIZARD_STEPS, ctx);
  closeHost();
  if (ctx.answersSaved) {
    io.stdout(answersSavedText(ctx.answersSaved));
    return EXIT.ok;
  }
  const outcome = ctx.outcome!;
  if (signal.aborted) {
    // Ctrl+C during the write waited for it: every file is whole and the manifest matches them.
    io.stderr(
      outcome.written
        ? `Cancelled after the write, which completed: ${outcome.outDir} is whole.\n`
        : 'Cancelled, nothing was written.\n',
    );
    return EXIT.cancelled;
  }
  // One ending: the summary says what was left and what to do; exit 1 with a conflict left. Once
  // the files are written, a trail of the answers above it (as clack leaves), within 24 rows.
  const validated = validateDraft(ctx.draft);
  const { width } = screenSize({ columns: io.columns });
  const trail =
    outcome.written && outcome.plan.conflicts === 0 && validated.ok ? trailLines(validated.answers, width) : [];
  io.stdout(runText(outcome, { byFolder: true, trail, width }));
  return outcome.plan.conflicts > 0 ? EXIT.failure : EXIT.ok;
}
