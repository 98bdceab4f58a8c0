// The file plan in a few lines for the confirm screen: files grouped by folder, the totals (in the
// same words `generate` prints), and by name every path left alone (a conflict) or replaced under
// --force (what was there kept as NAME.orig, or a symlink removed), with the reason.
import { entryNote, planSummaryLines } from '../file-plan.ts';
import type { FilePlan } from '../file-plan.ts';
import { wrapText } from '../text/wrap.ts';

export interface PlanLines {
  files: string[];
  totals: string[];
  /** `conflict  PATH (why)` and `replace   PATH (what happens to what is there)`, conflicts first. */
  conflicts: string[];
}

export function planLines(plan: FilePlan, width: number): PlanLines {
  const topLevel: string[] = [];
  const folders = new Map<string, number>();
  for (const entry of plan.entries) {
    const slash = entry.path.indexOf('/');
    if (slash < 0) topLevel.push(entry.path);
    else folders.set(entry.path.slice(0, slash + 1), (folders.get(entry.path.slice(0, slash + 1)) ?? 0) + 1);
  }
  const files = [
    ...wrapText(topLevel.join(', '), width),
    ...[...folders].map(([folder, n]) => `${folder.padEnd(14)} ${n} ${n === 1 ? 'file' : 'files'}`),
  ];
  const totals = planSummaryLines(plan);
  const line = (e: FilePlan['entries'][number]): string => {
    const note = entryNote(e);
    return `${e.action.padEnd(9)} ${e.path}${note ? ` (${note})` : ''}`;
  };
  const conflicts = [
    ...plan.entries.filter((e) => e.action === 'conflict').map(line),
    ...plan.entries.filter((e) => e.action === 'replace').map(line),
  ];
  return { files, totals, conflicts };
}
