// Paging a list of wrapped bullets through a window of `height` rows: every page starts where a
// bullet starts (a line that is not indented), unless one bullet alone is taller than the window.

/** The first line of each page. */
export function pageStarts(lines: readonly string[], height: number): number[] {
  const rows = Math.max(1, height);
  const itemStart = (i: number): boolean => i === 0 || !/^\s/.test(lines[i] ?? '');
  const starts = [0];
  for (let top = 0; top + rows < lines.length; ) {
    let next = top + rows;
    while (next > top + 1 && !itemStart(next)) next--;
    // A bullet taller than the window is cut where the window ends.
    if (!itemStart(next)) next = top + rows;
    starts.push(next);
    top = next;
  }
  return starts;
}

const lineCount = (n: number): string => `${n} ${n === 1 ? 'line' : 'lines'}`;

/** `↑ 4 lines above (PgUp) · ↓ 9 more lines below (PgDn)`, or what applies of it; empty when all is shown. */
export function scrollHint(above: number, below: number): string {
  return [
    above > 0 ? `↑ ${lineCount(above)} above (PgUp)` : '',
    below > 0 ? `↓ ${below} more ${below === 1 ? 'line' : 'lines'} below (PgDn)` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
