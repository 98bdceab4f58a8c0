// Lines of text as few Ink texts as draw them unchanged: each text is a layout node of its own, and
// the welcome's two dozen lines as one text reach the screen about half a millisecond sooner.
import { columnsOf } from '../text/wrap.ts';

export interface TextRun {
  text: string;
  /** Every line of `text` fits the width; a run that does not is one line, to be cut short. */
  fits: boolean;
}

/**
 * Each run of lines that fit `width` columns as one text, and each line wider than that as a text
 * of its own (drawn truncated, as a text per line was). An empty line alone is a space, as Ink
 * draws nothing for an empty text.
 */
export function textRuns(lines: readonly string[], width: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const line of lines) {
    const fits = columnsOf(line) <= width;
    const last = runs.at(-1);
    if (fits && last?.fits) last.text += `\n${line}`;
    else runs.push({ text: line || ' ', fits });
  }
  return runs;
}
