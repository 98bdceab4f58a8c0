// The file plan in words: one line per path with the totals and hints (what `generate` prints and
// --json reports), the same plan in a few lines for the wizard's confirm screen, and what the terminal
// keeps after a run. Paths may come from an untrusted manifest: printable() keeps each on its line.
import type { Answers } from '../../questionnaire/answers-schema.ts';
import { OS_LABELS } from '../../questionnaire/answer-values.ts';
import { ARCHITECTURE_LABELS } from '../../questionnaire/labels.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import { shWord } from '../../generators/escape.ts';
import { designLine, nextStepsLines } from '../text/decision-text.ts';
import { printable } from '../text/printable.ts';
import { wrap } from '../text/wrap.ts';
import type { PlanView } from '../text/plan-lines.ts';
import { JOURNAL_PATH } from './manifest.ts';
import { conflictKind, NOT_GENERATABLE } from './plan.ts';
import type { ConflictKind, FilePlan, FilePlanEntry, PlanAction } from './plan.ts';

const SUMMARY: ReadonlyArray<[PlanAction, (n: number) => string]> = [
  ['create', (n) => `${n} to create`],
  ['update', (n) => `${n} to update`],
  ['overwrite', (n) => `${n} to overwrite`],
  ['replace', (n) => `${n} to replace`],
  ['remove', (n) => `${n} to remove`],
  ['unchanged', (n) => `${n} unchanged`],
  ['keep', (n) => `${n} kept`],
  ['conflict', (n) => `${n} ${n === 1 ? 'conflict' : 'conflicts'}`],
];

/** What the writer does to what is there: for the plan line and the JSON report. */
function entryNote(entry: FilePlanEntry): string | undefined {
  if (entry.keptAs) return `yours kept as ${printable(entry.keptAs)}`;
  if (entry.action === 'replace' && entry.symlink)
    return `symlink ${printable(entry.symlink)} removed, target untouched`;
  return entry.reason && printable(entry.reason);
}

/** A plan entry for --json: the action, and what it keeps or why it leaves a path alone. */
export function planEntryJson(entry: FilePlanEntry): Record<string, string> {
  const { path, action, keptAs, symlink, reason } = entry;
  return { path, action, ...(keptAs && { keptAs }), ...(symlink && { symlink }), ...(reason && { reason }) };
}

/** The same counts once the plan is applied, in the past tense. */
const DONE: ReadonlyArray<[PlanAction, (n: number) => string]> = [
  ['create', (n) => `${n} created`],
  ['update', (n) => `${n} updated`],
  ['overwrite', (n) => `${n} overwritten`],
  ['replace', (n) => `${n} replaced`],
  ['remove', (n) => `${n} removed`],
  ['unchanged', (n) => `${n} unchanged`],
  ['keep', (n) => `${n} kept`],
  ['conflict', (n) => `${n} ${n === 1 ? 'conflict' : 'conflicts'} left as is`],
];
const WRITES: readonly PlanAction[] = ['create', 'update', 'overwrite', 'replace'];

const countsOf = (plan: FilePlan, labels: typeof SUMMARY): string[] =>
  labels
    .map(([action, label]) => {
      const n = plan.entries.filter((e) => e.action === action).length;
      return n > 0 ? label(n) : null;
    })
    .filter((s): s is string => s !== null);

/** `23 files written (20 created, 3 updated), 2 unchanged`: what a plan did once applied. */
export function doneSummaryLine(plan: FilePlan): string {
  const written = plan.entries.filter((e) => WRITES.includes(e.action)).length;
  const writes = countsOf(
    plan,
    DONE.filter(([action]) => WRITES.includes(action)),
  );
  const others = countsOf(
    plan,
    DONE.filter(([action]) => !WRITES.includes(action)),
  );
  const head =
    written > 0 ? `${written} ${written === 1 ? 'file' : 'files'} written (${writes.join(', ')})` : 'Nothing written';
  return [head, ...others].join(', ');
}

/** The summary line (a plan's, or with `done` the past tense of an applied one), then hints about conflicts, replaced and kept files. */
export function planSummaryLines(plan: FilePlan, done = false): string[] {
  const counts = countsOf(plan, SUMMARY);
  const lines = [done ? doneSummaryLine(plan) : counts.length > 0 ? counts.join(', ') : 'Nothing to generate.'];
  const conflicts = plan.entries.filter((e) => e.action === 'conflict');
  const count = (kind: ConflictKind): number => conflicts.filter((e) => conflictKind(e) === kind).length;
  if (count('edited') > 0) {
    const what = count('edited') === 1 ? 'The conflicting file was' : 'The conflicting files were';
    const how =
      count('edited') === 1
        ? 'overwrite it (yours is kept as NAME.orig)'
        : 'overwrite them (yours are kept as NAME.orig)';
    lines.push(`${what} edited since the last run; left as is. Re-run with --force to ${how}.`);
  }
  if (count('notOurs') > 0) {
    lines.push(
      count('notOurs') === 1
        ? 'A file ami-wizard did not write is in the way; left as is. Re-run with --force to keep it as NAME.orig and write the new one.'
        : 'Files ami-wizard did not write are in the way; left as is. Re-run with --force to keep them as NAME.orig and write the new ones.',
    );
  }
  if (count('symlink') > 0) {
    lines.push(
      'A symlink is in the way; ami-wizard never follows one. Re-run with --force to replace the link (its target is left alone).',
    );
  }
  if (plan.entries.some((e) => e.action === 'keep' && !e.reason)) {
    lines.push('Kept files are no longer generated but were edited since the last run; left as is.');
  }
  if (plan.entries.some((e) => e.action === 'keep' && e.symlink)) {
    lines.push('Files behind a symlink are never deleted; left as is.');
  }
  if (plan.entries.some((e) => e.action === 'keep' && e.reason === NOT_GENERATABLE)) {
    lines.push('The manifest names files ami-wizard never generates; they are not deleted and leave the manifest.');
  }
  if (plan.interrupted && 'finish' in plan.interrupted) {
    lines.push(
      `An interrupted run is finished first, as its journal (${JOURNAL_PATH}) records; the plan starts from there.`,
    );
  }
  if (plan.interrupted && 'discard' in plan.interrupted) {
    lines.push(
      `The journal of an interrupted run (${JOURNAL_PATH}) is discarded under --force: ${printable(plan.interrupted.discard)}.`,
    );
  }
  return lines;
}

const planLine = (e: FilePlanEntry): string => {
  const note = entryNote(e);
  return `  ${e.action.padEnd(11)}${printable(e.path)}${note ? ` (${note})` : ''}`;
};

/** One line per path, then the summary and hints. Paths from the manifest are untrusted: printable() keeps each on its line. */
export function formatPlan(plan: FilePlan, done = false): string {
  return [...plan.entries.map(planLine), ...planSummaryLines(plan, done)].join('\n');
}

/** Paths a reader must see one by one: conflicts, replaced, overwritten, removed and kept files. */
const NOTABLE: readonly PlanAction[] = ['conflict', 'replace', 'overwrite', 'remove', 'keep'];

/** The plan by folder (top-level files, then `packer/  12 files`), the notable paths one by one, then the summary and hints. */
function formatPlanByFolder(plan: FilePlan, done = false, width = 80): string {
  const view = planView(plan);
  return [
    ...wrap(view.topLevel, '  ', '  ', width),
    ...view.folders.map((line) => `  ${line}`),
    ...plan.entries.filter((e) => NOTABLE.includes(e.action)).map(planLine),
    // Wrapped at a word: a hint cut by the terminal's edge splits "--force" in two.
    ...planSummaryLines(plan, done).flatMap((line) => wrap(line, '', '', width)),
  ].join('\n');
}

// The plan for the confirm screen: its shape lives with the rows the screen draws from it.
export type { PlanView };

export function planView(plan: FilePlan): PlanView {
  const topLevel: string[] = [];
  const folders = new Map<string, string[]>();
  for (const entry of plan.entries) {
    const slash = entry.path.indexOf('/');
    if (slash < 0) topLevel.push(entry.path);
    else {
      const folder = entry.path.slice(0, slash + 1);
      folders.set(folder, [...(folders.get(folder) ?? []), printable(entry.path.slice(slash + 1))]);
    }
  }
  const line = (e: FilePlanEntry): string => {
    const note = entryNote(e);
    return `${e.action.padEnd(9)} ${e.path}${note ? ` (${note})` : ''}`;
  };
  return {
    topLevel: topLevel.join(', '),
    folders: [...folders].map(
      ([folder, files]) => `${folder.padEnd(14)} ${files.length} ${files.length === 1 ? 'file' : 'files'}`,
    ),
    folderFiles: [...folders.values()],
    totals: planSummaryLines(plan),
    conflicts: [
      ...plan.entries.filter((e) => e.action === 'conflict').map(line),
      ...plan.entries.filter((e) => e.action === 'replace').map(line),
    ],
  };
}

/** What the Files screen restates before writing: the design, the OS and the regions. */
export function aboutLines(answers: Answers, decision: Decision): string[] {
  const { os, architecture, regions } = answers.platform;
  const [build, ...copies] = [...regions, ...(answers.options?.copyToRegions ?? [])];
  return [
    designLine(decision),
    `OS: ${OS_LABELS[os]}, ${ARCHITECTURE_LABELS[architecture]}`,
    `Regions: ${build} (build)${copies.length > 0 ? `, copies in ${copies.join(', ')}` : ''}`,
  ];
}

/** A word the shell reads as is stays bare; anything else is quoted. */
const shellArg = (word: string): string => (/^[\w./-]+$/.test(word) && !word.startsWith('-') ? word : shWord(word));

/** The replay command for a saved answers file, with --force when the folder has conflicts. */
export function replayCommand(answersFile: string, outLabel: string, force: boolean): string {
  return `ami-wizard --answers ${shellArg(answersFile)} --out ${shellArg(outLabel)}${force ? ' --force' : ''}`;
}

/** With conflicts: how to resolve them later without answering every question again. */
export function conflictAdvice(plan: FilePlan, outLabel: string, answersFile = 'ami-wizard.yaml'): string[] {
  if (plan.conflicts === 0) return [];
  return [
    `To resolve this without answering again: choose "Save the answers only", move or merge your files (or let --force keep them as NAME.orig), then run ${replayCommand(answersFile, outLabel, true)}`,
  ];
}

/** A run of `generate` or the wizard: what was decided and planned, and whether it was written. */
export interface FinishedRun {
  decision: Decision;
  outDir: string;
  outLabel: string;
  plan: FilePlan;
  written: boolean;
}

/**
 * What the terminal keeps after a run, the same after `generate` and the wizard: the design, the
 * plan (every path, or with `byFolder` the files by folder so the design and the folder stay on a
 * 24-row screen), what was done, the next steps. `width`: the terminal's, which the wizard's
 * summary fits (a command to copy stays whole, on a line of its own).
 */
export function runText(
  run: FinishedRun,
  options: { byFolder?: boolean; trail?: readonly string[]; width?: number } = {},
): string {
  const plan = options.byFolder
    ? formatPlanByFolder(run.plan, run.written, options.width)
    : formatPlan(run.plan, run.written);
  const wroteSomething = run.plan.entries.some((e) => WRITES.includes(e.action) || e.action === 'remove');
  const head = !run.written ? 'Plan (dry run, nothing written) for' : wroteSomething ? 'Wrote' : 'Checked';
  const lines = [...(options.trail ?? []), designLine(run.decision), `${head} ${run.outDir}:`, plan];
  // With a conflict left, the summary's hint is what to do next: building comes after it is resolved.
  if (run.written && run.plan.conflicts === 0) lines.push('', ...nextStepsLines(run.outLabel, options.width));
  return `${lines.join('\n')}\n`;
}

/** What the terminal keeps when the Files screen saved only the answers. */
export function answersSavedText(saved: { file: string; outLabel: string; conflicts: boolean }): string {
  return `Answers saved to ${printable(saved.file)}; nothing else was written.\nWrite the files later: ${replayCommand(saved.file, saved.outLabel, saved.conflicts)}\n`;
}
