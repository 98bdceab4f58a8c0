// Runs the workshop in the terminal and leaves the explanation in the scrollback when the room is
// done: the same text `ami-wizard recommend` prints.
import { relative, resolve } from 'node:path';
import type { CliArgs } from '../cli-options.ts';
import { EXIT } from '../errors.ts';
import { emptyDraft } from '../answers/draft.ts';
import { draftFromFile } from '../answers/prefill.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { recommendationText } from '../text/decision-text.ts';
import { createWorkshopPrompts } from '../ui/workshop-prompts.ts';
import { runSteps } from '../wizard/flow.ts';
import { defaultProjectName } from '../wizard/steps-project.ts';
import { BOARD_ONLY_STEPS, WORKSHOP_STEPS, answersSummary, boardAnswers } from '../wizard/workshop.ts';
import type { WorkshopContext } from '../wizard/workshop.ts';
import type { CommandIO } from './context.ts';
import { withHost } from './host-session.ts';

export async function runWorkshop(args: CliArgs, io: CommandIO): Promise<number> {
  let saved: string | undefined;
  // Ctrl+C leaves without the board's last answers: what was saved is all this can vouch for.
  const cancelledMessage = () =>
    saved
      ? `Cancelled. ${saved} holds the answers as last saved; any changes since were not saved.`
      : 'Cancelled, nothing was written.';
  return withHost(io, { cancelledMessage }, async ({ host }) => {
    const { draft } = args.answers ? await draftFromFile(args.answers) : { draft: emptyDraft() };
    const projectName = draft.project.name ?? defaultProjectName(io.cwd);
    // With --answers the room has its answers: the board opens at once.
    const steps = args.answers ? BOARD_ONLY_STEPS : WORKSHOP_STEPS;
    const context: WorkshopContext = {
      // Every question is shown in a workshop, even with --yes.
      args: { yes: false },
      draft,
      given: new Set(),
      // What the --answers file holds, as the board reads it: leaving with other answers asks first.
      ...(args.answers ? { savedAnswers: boardAnswers(draft.guidance) } : {}),
      prompts: createWorkshopPrompts(host, () => context.progress),
      progress: { step: 0, total: steps.length },
      answersFile: args.answers ? relative(io.cwd, resolve(io.cwd, args.answers)) || args.answers : 'ami-wizard.yaml',
      exists: async (name) => (await import('../answers/save.ts')).answersFileExists(resolve(io.cwd, name)),
      save: async (name, guidance) => {
        const { saveGuidance } = await import('../answers/save.ts');
        // A copy under another name starts from the team's --answers file, keeping its other answers.
        await saveGuidance(resolve(io.cwd, name), guidance, projectName, args.answers && resolve(io.cwd, args.answers));
        saved = name;
      },
    };
    await runSteps(steps, context);
    host.close();
    io.stdout(recommendationText(decisionFor(context.draft)));
    io.stdout(`\n${answersSummary(context)}\n`);
    return EXIT.ok;
  });
}
