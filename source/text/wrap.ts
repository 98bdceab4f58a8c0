// Word wrap for every text the CLI prints or draws: the recommendation, the audit, the wizard's screens.

/** Wraps words to `width` columns: the first line starts with `first`, the others with `rest`. */
export function wrap(text: string, first: string, rest = ' '.repeat(first.length), width = 80): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/** Plain word wrap to `width` columns. */
export const wrapText = (text: string, width: number): string[] => wrap(text, '', '', width);
