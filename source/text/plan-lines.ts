// The Files screen's plan as rows, each at most `width` wide: what is written, the totals, every
// conflict and how to resolve it, then the top-level files and the folders (one may be open, and the
// choices follow them, so ↑ from the choices reaches the last folder). Pure, so the
// screen only draws a window of them that fits the terminal (issue 21: at 80x24 a long plan pushed
// the header and the question off the top).
import { wrap, wrapText } from './wrap.ts';

/** The plan for the confirm screen; the screen wraps `topLevel` to its width. */
export interface PlanView {
  /** The top-level files, comma-separated. */
  topLevel: string;
  /** `packer/         12 files`: one line per folder. */
  folders: string[];
  /** The files in each folder of `folders`, in the same order, named within their folder. */
  folderFiles: string[][];
  /** What is being written, restated: the design, the OS, the regions. */
  about?: string[];
  /** How to resolve the conflicts without answering every question again. */
  resolve?: string[];
  /** The summary line and hints, in the words `generate` prints. */
  totals: string[];
  /** `conflict  PATH (why)` and `replace   PATH (what happens to what is there)`, conflicts first. */
  conflicts: string[];
}

export interface PlanLine {
  text: string;
  tone?: 'dim' | 'warning' | 'cursor';
}

export interface PlanLines {
  lines: PlanLine[];
  /** The row of each folder in `lines`, in the order of `view.folders`. */
  folderRows: number[];
}

export function planLines(
  view: PlanView,
  state: { cursor: number; open: number | undefined },
  width: number,
): PlanLines {
  const lines: PlanLine[] = [];
  const folderRows: number[] = [];
  for (const line of (view.about ?? []).flatMap((text) => wrapText(text, width))) lines.push({ text: line });
  if (view.about) lines.push({ text: '' });
  view.totals.forEach((line, i) => {
    for (const part of wrapText(line, width))
      lines.push({ text: part, ...(i > 0 ? { tone: 'warning' as const } : {}) });
  });
  for (const line of view.conflicts) lines.push({ text: `  ${line}`, tone: 'warning' });
  for (const line of (view.resolve ?? []).flatMap((text) => wrapText(text, width))) lines.push({ text: line });
  lines.push({ text: '' });
  for (const line of wrapText(view.topLevel, width - 4)) lines.push({ text: `    ${line}` });
  view.folders.forEach((line, i) => {
    folderRows.push(lines.length);
    const here = state.cursor === i;
    lines.push({
      text: `  ${here ? '❯' : ' '} ${state.open === i ? '▾' : '▸'} ${line}`,
      ...(here ? { tone: 'cursor' as const } : {}),
    });
    if (state.open === i)
      for (const files of wrap((view.folderFiles[i] ?? []).join(', '), '        ', '        ', width))
        lines.push({ text: files, tone: 'dim' });
  });
  return { lines, folderRows };
}

/**
 * The first row of a window of `height` rows over `length` rows: `top` as paged, moved just enough
 * to show the row `focus` (the folder under the cursor) when there is one.
 */
export function windowTop(top: number, height: number, length: number, focus?: number): number {
  const last = Math.max(0, length - height);
  let at = Math.min(Math.max(0, top), last);
  if (focus !== undefined) {
    if (focus < at) at = focus;
    else if (focus >= at + height) at = focus - height + 1;
  }
  return Math.min(Math.max(0, at), last);
}
