// What the terminal keeps after the wizard: the design, what was written, the exact commands to
// build the images, and how to replay the session without questions.
import { join } from 'node:path';
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import { formatPlan } from '../file-plan.ts';
import type { FilePlan } from '../file-plan.ts';

export interface FinishedRun {
  decision: Decision;
  outDir: string;
  outLabel: string;
  plan: FilePlan;
  written: boolean;
}

/** Quotes a path for a POSIX shell when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function finishText(run: FinishedRun): string {
  const { decision } = run;
  const design = `${DESIGN_LABELS[decision.strategy]}${decision.overridden ? ` (your choice; the model advises ${DESIGN_LABELS[decision.recommended]})` : ' (recommended)'}`;
  const lines = [`Design: ${design}`, `${run.written ? 'Wrote' : 'Plan (dry run, nothing written) for'} ${run.outDir}:`, formatPlan(run.plan)];
  if (run.written) {
    const out = shellWord(run.outLabel);
    lines.push(
      '',
      'Next steps: build the images',
      `  cd ${shellWord(join(run.outLabel, 'packer'))}`,
      '  packer init .',
      '  packer validate .',
      '  make build',
      '',
      `Replay these answers: ami-wizard --answers ${shellWord(join(run.outLabel, 'ami-wizard.yaml'))} --out ${out}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
