// What the terminal keeps after a run (`generate`, or the wizard): the design, what was written, the
// commands to build the images and how to replay the answers. Both print exactly this.
import type { Decision } from '../../questionnaire/recommend.ts';
import { formatPlan } from '../file-plan.ts';
import type { FilePlan } from '../file-plan.ts';
import { designLine, nextStepsLines } from '../text/decision-text.ts';

export interface FinishedRun {
  decision: Decision;
  outDir: string;
  outLabel: string;
  plan: FilePlan;
  written: boolean;
}

export function finishText(run: FinishedRun): string {
  const lines = [designLine(run.decision), `${run.written ? 'Wrote' : 'Plan (dry run, nothing written) for'} ${run.outDir}:`, formatPlan(run.plan)];
  if (run.written) lines.push('', ...nextStepsLines(run.outLabel));
  return `${lines.join('\n')}\n`;
}
