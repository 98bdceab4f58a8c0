// A partial --answers file in a terminal (issue 21): a value the file gets wrong, on a field a
// screen asks, does not stop the run. It is taken out of the file's answers and asked again on its
// screen, with the closest allowed value preselected when there is one (a list keeps its right
// entries; a wrong entry becomes its closest region, else is dropped). The welcome names each such
// value, and only those: the answers the file leaves out are simply asked, as they always are.
// Never with --yes, which would take the guess unseen: there, and without a terminal, a wrong value
// stops the run as it does for generate.
import { AnswersSchema } from './answers-zod.ts';
import { ASKED_FIELDS } from '../../questionnaire/wizard-screens.ts';
import { REGION_CODES } from '../../questionnaire/regions.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { printable } from '../text/printable.ts';
import { answeredProblems } from './draft.ts';
import type { Draft, Problem } from './draft.ts';
import { allowedValuesAt, expectedAt } from './schema-lookup.ts';

export interface AskedAgain {
  draft: Draft;
  given: Set<string>;
  /** One sentence per wrong value: where it is, what it was, what to pick. */
  corrections: string[];
}

const MAX_SHOWN = 24;
const quoted = (value: unknown): string => {
  const text = printable(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
  return `"${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text}"`;
};

/** The screen's field a problem is about (`platform.regions` for `platform.regions.1`), if a screen asks it. */
const askedFieldOf = (path: string): string | undefined =>
  ASKED_FIELDS.find((field) => path === field || path.startsWith(`${field}.`));

function parentAndKey(draft: Draft, path: string): [Record<string, unknown> | unknown[] | undefined, string] {
  const keys = path.split('.');
  let node: unknown = draft;
  for (const key of keys.slice(0, -1))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return [node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined, keys.at(-1)!];
}

/** The path as the file's reader names it: `platform.regions[1]`. */
const shownPath = (path: string): string => path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

/**
 * The draft with every wrong value on an asked field taken out (or replaced by its closest allowed
 * value) and those fields no longer given, so their screens ask them; undefined when a problem is
 * on a field no screen asks, or remains once they are taken out.
 */
export function askAgain(
  draft: Draft,
  given: ReadonlySet<string>,
  problems: readonly Problem[],
): AskedAgain | undefined {
  const next = structuredClone(draft);
  const nextGiven = new Set(given);
  const corrections: string[] = [];
  const dropped: { list: unknown[]; index: number }[] = [];
  for (const problem of problems) {
    const field = askedFieldOf(problem.path);
    if (!field) return undefined;
    const [parent, key] = parentAndKey(next, problem.path);
    if (!parent) return undefined;
    const value = (parent as Record<string, unknown>)[key];
    const inList = Array.isArray(parent);
    const allowed =
      inList && field === 'platform.regions' ? REGION_CODES : allowedValuesAt(AnswersSchema, problem.path.split('.'));
    const guess = typeof value === 'string' && allowed ? didYouMean(value, allowed) : undefined;
    const where = `${shownPath(problem.path)} is ${quoted(value)}`;
    if (guess !== undefined) {
      corrections.push(`${where}; did you mean "${guess}"?`);
      (parent as Record<string, unknown>)[key] = guess;
    } else {
      const expected = allowed ? `one of ${allowed.join(', ')}` : expectedAt(AnswersSchema, problem.path.split('.'));
      corrections.push(
        expected && !inList
          ? `${where}; allowed: ${expected.replace(/^one of:? /, '')}`
          : `${where}: ${problem.message}`,
      );
      if (inList) dropped.push({ list: parent, index: Number(key) });
      else delete (parent as Record<string, unknown>)[key];
    }
    for (const name of [...nextGiven]) if (name === field || name.startsWith(`${field}.`)) nextGiven.delete(name);
  }
  // Entries dropped from a list, last first so the indexes hold; an emptied list is left unanswered.
  for (const { list, index } of dropped.sort((a, b) => b.index - a.index)) list.splice(index, 1);
  for (const field of ASKED_FIELDS) {
    const [parent, key] = parentAndKey(next, field);
    const value = parent && (parent as Record<string, unknown>)[key];
    if (parent && Array.isArray(value) && value.length === 0) delete (parent as Record<string, unknown>)[key];
  }
  const left = answeredProblems(next).filter((problem) => {
    const field = askedFieldOf(problem.path);
    return field === undefined || nextGiven.has(field);
  });
  return left.length === 0 ? { draft: next, given: nextGiven, corrections } : undefined;
}
