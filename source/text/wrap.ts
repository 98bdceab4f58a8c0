// Word wrap for every text the CLI prints or draws: the recommendation, the audit, the wizard's screens.
// Widths are terminal columns, as Ink measures them (string-width): a CJK character or an emoji takes
// two, a combining mark none, so `.length` would misalign them.
import stringWidth from 'string-width';

// Printable ASCII is one column a character. Measured here, string-width's module (about 2 ms to load)
// loads in the bundle only for other text (scripts/build.mjs, lazyModules): recommend, generate and
// the wizard's first frame, all ASCII, run without it.
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;
/** The columns `text` takes in a terminal (string-width's count; printable ASCII measured here). */
export const columnsOf = (text: string): number => (PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text));

/** Wraps words to `width` columns: the first line starts with `first`, the others with `rest`. */
export function wrap(text: string, first: string, rest = ' '.repeat(columnsOf(first)), width = 80): string[] {
  const lines: string[] = [];
  let line = first;
  let columns = columnsOf(first);
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordColumns = columnsOf(word);
    if (!empty && columns + 1 + wordColumns > width) {
      lines.push(line);
      line = rest + word;
      columns = columnsOf(rest) + wordColumns;
    } else {
      line += (empty ? '' : ' ') + word;
      columns += (empty ? 0 : 1) + wordColumns;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/** Plain word wrap to `width` columns. */
export const wrapText = (text: string, width: number): string[] => wrap(text, '', '', width);
