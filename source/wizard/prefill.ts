// `--answers FILE` in a terminal: the file's values fill the draft and their screens are skipped;
// the wizard asks only for what the file leaves out. Values the file gets wrong stop the run
// before any question, as they would for `generate`.
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseAnswers, readAnswersFile } from '../answers-file.ts';
import { InputError } from '../errors.ts';
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { answeredProblems, problemLines } from './draft.ts';
import type { Draft } from './draft.ts';

/** The fields that have their own screen; one given by the file skips that screen. */
export const ASKED_FIELDS = [
  'project.name',
  'platform.os',
  'platform.architecture',
  'platform.regions',
  'roles',
  ...QUESTION_KEYS.map((key) => `guidance.${key}`),
  'strategy',
  'project.costCenter',
  'project.stage',
  'project.confidentiality',
  'project.compliance',
] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function has(data: Record<string, unknown>, field: string): boolean {
  let node: unknown = data;
  for (const part of field.split('.')) {
    if (!isRecord(node) || !Object.hasOwn(node, part)) return false;
    node = node[part];
  }
  return node !== undefined && node !== null;
}

export async function draftFromFile(file: string): Promise<Prefill> {
  const text = readAnswersFile(file);
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    data = undefined;
  }
  // YAML errors and files that are not a mapping get the full diagnostics (line and column).
  if (!isRecord(data) || (data.version !== undefined && data.version !== 1)) {
    await parseAnswers(text, file);
    throw new InputError(`${file} is not an answers file: expected a mapping with version: 1.`);
  }
  const draft = { ...data, version: 1 } as unknown as Draft;
  for (const section of ['project', 'platform', 'guidance'] as const) {
    if (data[section] === undefined || data[section] === null) (draft as unknown as Record<string, unknown>)[section] = {};
    else if (!isRecord(data[section])) throw new InputError(`${file}: ${section} must be a mapping of keys to values.`);
  }
  const problems = answeredProblems(draft);
  if (problems.length > 0) {
    throw new InputError(`${file} has values the wizard cannot use:\n${problemLines(problems.slice(0, 5))}\nFix them in the file and run again.`);
  }
  return { draft, given: new Set(ASKED_FIELDS.filter((field) => has(data, field))) };
}

/** The answers every file must give; the wizard asks for the ones a file leaves out. */
const REQUIRED_FIELDS = ['project.name', ...QUESTION_KEYS.map((key) => `guidance.${key}`)];

export interface Prefill {
  draft: Draft;
  given: Set<string>;
}

/**
 * The pre-fill when `file` is usable but leaves required answers out, so that in a terminal the
 * wizard asks for them (a complete file goes straight to generate). A file with a problem gives
 * undefined: generate then reports the problem with its line and column.
 */
export async function prefillForGaps(file: string): Promise<Prefill | undefined> {
  try {
    const prefill = await draftFromFile(file);
    return REQUIRED_FIELDS.some((field) => !prefill.given.has(field)) ? prefill : undefined;
  } catch {
    return undefined;
  }
}

export async function answersNeedQuestions(file: string): Promise<boolean> {
  return (await prefillForGaps(file)) !== undefined;
}
