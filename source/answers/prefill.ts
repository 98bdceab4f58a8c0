// `--answers FILE` in a terminal: the file's values fill the draft and their screens are skipped;
// the wizard asks only for what the file leaves out. Values the file gets wrong stop the run
// before any question, as they would for `generate`.
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseAnswers, readAnswersFile } from './read.ts';
import { InputError } from '../errors.ts';
import { isPlainObject } from '../text/parsed.ts';
import { ADDED_QUESTIONS, QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { answeredProblems, problemLines } from './draft.ts';
import { askAgain } from './ask-again.ts';
import type { Draft } from './draft.ts';

/** The dotted path of every value the file gives (`project`, `project.name`, `roles`...), not into lists. */
function givenFields(data: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(data).flatMap(([key, value]) => {
    if (value === undefined || value === null) return [];
    const field = `${prefix}${key}`;
    return [field, ...(isPlainObject(value) ? givenFields(value, `${field}.`) : [])];
  });
}

/**
 * The file as the wizard's starting draft. `askAgain`: a wrong value on a field a screen asks is
 * taken out and asked again (ask-again.ts) instead of stopping the run; the workshop and --yes
 * keep the stop.
 */
export async function draftFromFile(file: string, options: { askAgain?: boolean } = {}): Promise<Prefill> {
  const text = readAnswersFile(file);
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    data = undefined;
  }
  // YAML errors and files that are not a mapping get the full diagnostics (line and column).
  if (!isPlainObject(data) || (data.version !== undefined && data.version !== 1)) {
    await parseAnswers(text, file);
    throw new InputError(`${file} is not an answers file: expected a mapping with version: 1.`);
  }
  return prefillFromData(data, file, options);
}

/**
 * The pre-fill from answers already parsed (an answers file's, or a kept draft's): throws InputError,
 * naming `file`, when a section is not a mapping or a value is one the wizard cannot use.
 */
export function prefillFromData(
  data: Record<string, unknown>,
  file: string,
  options: { askAgain?: boolean } = {},
): Prefill {
  if (data.version !== undefined && data.version !== 1)
    throw new InputError(`${file} is not an answers file: expected version: 1.`);
  const draft = { ...data, version: 1 } as unknown as Draft;
  for (const section of ['project', 'platform', 'guidance'] as const) {
    if (data[section] === undefined || data[section] === null)
      (draft as unknown as Record<string, unknown>)[section] = {};
    else if (!isPlainObject(data[section]))
      throw new InputError(`${file}: ${section} must be a mapping of keys to values.`);
  }
  const problems = answeredProblems(draft);
  const given = new Set(givenFields(data));
  if (problems.length > 0 && options.askAgain) {
    const again = askAgain(draft, given, problems);
    if (again) return again;
  }
  if (problems.length > 0) {
    throw new InputError(
      `${file} has values the wizard cannot use:\n${problemLines(problems.slice(0, 5))}\nFix them in the file and run again.`,
    );
  }
  return { draft, given, corrections: [] };
}

/**
 * The answers every file must give; the wizard asks for the ones a file leaves out. A question
 * added since version 1 may be left out (the file then means what ADDED_QUESTIONS says), so a file
 * complete without it goes to generate; once the wizard runs, it asks that question too.
 */
const REQUIRED_FIELDS = [
  'project.name',
  ...QUESTION_KEYS.filter((key) => !(key in ADDED_QUESTIONS)).map((key) => `guidance.${key}`),
];

export interface Prefill {
  draft: Draft;
  /** Every field the file gives (dotted paths); the wizard skips the screen of each. */
  given: Set<string>;
  /** The file's wrong values the wizard asks again, one sentence each (ask-again.ts). */
  corrections: string[];
}

/**
 * The pre-fill when `file` is usable but leaves required answers out, or (with `askAgain`) has
 * wrong values a screen can ask again, so that in a terminal the wizard asks for them (a complete,
 * right file goes straight to generate). A file with another problem gives undefined: generate
 * then reports the problem with its line and column.
 */
export async function prefillForGaps(file: string, options: { askAgain?: boolean } = {}): Promise<Prefill | undefined> {
  try {
    const prefill = await draftFromFile(file, options);
    return prefill.corrections.length > 0 || REQUIRED_FIELDS.some((field) => !prefill.given.has(field))
      ? prefill
      : undefined;
  } catch {
    return undefined;
  }
}
