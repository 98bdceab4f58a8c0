// The wizard's words for a schema issue on a value it asked for: what is expected, and for a list
// which entry is wrong. zod/mini has no messages of its own (every size issue reads "Invalid input"),
// so sizes are said here, in the answers-file loader's words (diagnostics.ts).
import type * as z from 'zod/mini';
import { printable } from '../text/printable.ts';

const MAX_SHOWN = 24;

/** The value as the user typed it, cut short: `"web-shop"`. */
function quoted(value: unknown): string {
  const text = printable(String(value));
  return `"${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text}"`;
}

/** A size issue's sentence, or undefined for other issues. */
function sizeText(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  if (issue.code === 'too_big') {
    const max = String(issue.maximum);
    if (typeof value === 'string')
      return `${quoted(value)} is ${Array.from(value).length} characters; at most ${max} are allowed`;
    if (Array.isArray(value)) return `${value.length} entries; at most ${max} are allowed`;
    return `at most ${max} is allowed`;
  }
  if (issue.code === 'too_small') {
    const min = String(issue.minimum);
    if (typeof value === 'string')
      return Number(issue.minimum) <= 1 ? 'an empty answer is not allowed' : `at least ${min} characters are needed`;
    if (Array.isArray(value)) return `at least ${min} entr${min === '1' ? 'y is' : 'ies are'} needed`;
    return `at least ${min} is needed`;
  }
  return undefined;
}

/**
 * The message for `issue` on `value`, built from `fallback` (the schema's own message) when the
 * issue is not about size. An entry of a list is named by its value.
 */
export function issueText(issue: z.core.$ZodIssue, value: unknown, fallback: string): string {
  const size = sizeText(issue, value);
  if (size) return size;
  const inList = issue.path.some((key) => typeof key === 'number');
  return inList && typeof value === 'string' ? `${quoted(value)}: ${fallback}` : fallback;
}
