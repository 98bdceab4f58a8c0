// The answers while the wizard fills them in: the answers file's shape with the asked parts still
// optional. Validation is the answers file's zod schema (which the quick path, quick-check.ts, is
// held to), so both ways of answering agree.
import { AnswersSchema, safeParse } from './answers-zod.ts';
import type { Answers, AnswersInput } from '../../questionnaire/answers-schema.ts';
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import { ASKED_FIELDS } from '../../questionnaire/wizard-screens.ts';
import type { AnswerPath } from '../../questionnaire/answer-paths.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { findSecret } from './secrets.ts';
import { issueText } from './issue-text.ts';
import { isUnknownRegionIssue, unknownRegionText } from '../text/region-text.ts';

export interface Draft extends Omit<AnswersInput, 'version' | 'project' | 'platform' | 'guidance'> {
  version: 1;
  project: Partial<AnswersInput['project']>;
  platform: NonNullable<AnswersInput['platform']>;
  guidance: Partial<GuidanceAnswers>;
}

export interface Problem {
  /** Dotted path in the answers file, e.g. platform.regions.0 */
  path: string;
  message: string;
}

export function emptyDraft(): Draft {
  return { version: 1, project: {}, platform: {}, guidance: {} };
}

function clone(draft: Draft): Draft {
  return structuredClone(draft);
}

/** The draft with placeholders for what is still unanswered, so checking one field ignores the rest. */
function withPlaceholders(draft: Draft): Draft {
  const copy = clone(draft);
  copy.project.name ??= 'unanswered';
  for (const key of QUESTION_KEYS) {
    if (copy.guidance[key] === undefined) (copy.guidance as Record<string, unknown>)[key] = QUESTIONS[key].defaultValue;
  }
  return copy;
}

const SECRET_ADVICE = 'keep secrets in SSM Parameter Store or Secrets Manager and give their names instead';

export type Validated = { ok: true; answers: Answers } | { ok: false; problems: Problem[] };

/** The finished answers, exactly as the answers file would give them. */
export function validateDraft(draft: Draft): Validated {
  const secret = findSecret(draft);
  if (secret)
    return {
      ok: false,
      problems: [{ path: secret.path.join('.'), message: `this looks like ${secret.kind}: ${SECRET_ADVICE}` }],
    };
  const result = safeParse(AnswersSchema, draft);
  if (result.success) return { ok: true, answers: result.data };
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    // Pattern messages name what is expected ("an AWS region code such as ..."); others are sentences.
    message: isUnknownRegionIssue(issue)
      ? unknownRegionText(String(valueAt(draft, issue.path)))
      : issueText(
          issue,
          valueAt(draft, issue.path),
          issue.code === 'invalid_format' ? `use ${issue.message}` : issue.message,
        ),
  }));
  return { ok: false, problems };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** How many of the wizard's questions the draft answers, leaving out those an --answers file gave. */
export function answeredCount(draft: Draft, given: ReadonlySet<string> = new Set()): number {
  return ASKED_FIELDS.filter((field) => !given.has(field) && valueAt(draft, field.split('.')) !== undefined).length;
}

/** Problems in the draft's own values, ignoring what is still unanswered. */
export function answeredProblems(draft: Draft): Problem[] {
  const result = validateDraft(withPlaceholders(draft));
  return result.ok ? [] : result.problems;
}

/**
 * What is wrong with one field after `change` is applied to a copy of the draft, or undefined.
 * Problems reported on a parent (like the project-wide wildcard check) count for the field too.
 */
export function fieldProblem(draft: Draft, field: AnswerPath, change: (copy: Draft) => void): string | undefined {
  const copy = clone(draft);
  change(copy);
  const found = answeredProblems(copy).find((p) => concerns(p, field));
  return found && capitalize(found.message);
}

/** A problem reported on `field`, on a part of it, or on a parent of it. */
const concerns = (p: Problem, field: string): boolean =>
  p.path === field || p.path.startsWith(`${field}.`) || field.startsWith(`${p.path}.`);

/**
 * True when the draft with `change` has no problem, except on `askable` fields: those a screen can
 * still change. The wizard offers a choice only when it agrees with every answer no screen will ask again (the
 * --answers file's, and keys like configManagement that have no screen), so Windows is not offered
 * when the file says arm64 or ansible; an architecture answered on screen is asked again instead.
 */
export function keepsValid(draft: Draft, change: (copy: Draft) => void, askable: readonly string[]): boolean {
  const copy = clone(draft);
  change(copy);
  return answeredProblems(copy).every((p) => askable.some((field) => concerns(p, field)));
}

/** Problems as indented lines for an error message. */
export function problemLines(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.path || '(top level)'}: ${p.message}`).join('\n');
}

/** A sentence starts with a capital, unless it starts with a code (eu-west-1 is ...). */
function capitalize(text: string): string {
  if (!/^[a-z]+\b(?![-.\d])/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Names typed into a text field, separated by commas or spaces (regions, roles). */
export function namesFromText(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
