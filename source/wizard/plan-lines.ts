// The file plan in a few lines for the confirm screen: files grouped by folder, the totals (in the
// same words `generate` prints) and every conflict by name.
import { planSummaryLines } from '../file-plan.ts';
import type { FilePlan } from '../file-plan.ts';
import { wrapText } from '../text-wrap.ts';

export interface PlanLines {
  files: string[];
  totals: string[];
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
  const conflicts = plan.entries.filter((e) => e.action === 'conflict').map((e) => e.path);
  return { files, totals, conflicts };
}
