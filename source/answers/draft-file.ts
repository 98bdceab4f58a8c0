// A kept draft: the answers of a wizard run that ended before writing anything, with the screen it
// had reached and when, so the next start in the same folder can offer to resume. What its text is
// and how that text is read back; pure (draft-location.ts says where it lives, draft-store.ts does
// the disk). Loaded only when there is a draft to read or keep: js-yaml is not needed at start-up.
// The file sits in the user's state folder, which someone else could have written to, so it is read
// as untrusted input: the answers go through the same checks as an --answers file.
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import type { Draft } from './draft.ts';
import { prefillFromData } from './prefill.ts';
import type { Prefill } from './prefill.ts';
import { isPlainTree } from './read.ts';
import { findSecret } from './secrets.ts';
import { isPlainObject } from '../text/parsed.ts';
import { DRAFT_DAYS } from './draft-location.ts';

const DRAFT_MAX_AGE_MS = DRAFT_DAYS * 24 * 60 * 60 * 1000;
/** A clock a little ahead of the one that saved the draft is fine; a date far ahead is not ours. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const HEADER = '# ami-wizard: the answers of a run that was quit before it wrote anything. Safe to delete.\n';

/** The draft file's text; undefined when the answers hold something that looks like a secret (never written down). */
export function draftText(draft: Draft, screen: string, savedAt: Date): string | undefined {
  if (findSecret(draft)) return undefined;
  return (
    HEADER +
    dump(
      { savedAt: savedAt.toISOString(), screen, answers: draft },
      { schema: CORE_SCHEMA, noRefs: true, lineWidth: -1 },
    )
  );
}

export type KeptDraft =
  | { kind: 'fresh'; prefill: Prefill; screen: string; step: number; savedAt: Date }
  | { kind: 'expired' }
  | { kind: 'invalid'; reason: string };

const invalid = (reason: string): KeptDraft => ({ kind: 'invalid', reason });

/** What a draft file's text holds, judged at `now`; `file` names it in reasons. Never throws. */
export function parseDraft(text: string, now: Date, file: string): KeptDraft {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return invalid('it is not YAML');
  }
  // Aliases could make one node stand for millions: a draft we wrote has none.
  if (!isPlainObject(data) || !isPlainTree(data)) return invalid('it is not a draft');
  const { savedAt, screen, answers } = data;
  const saved =
    typeof savedAt === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(savedAt)
      ? new Date(savedAt)
      : undefined;
  if (!saved || Number.isNaN(saved.getTime()) || saved.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return invalid('it has no valid savedAt date');
  if (now.getTime() - saved.getTime() > DRAFT_MAX_AGE_MS) return { kind: 'expired' };
  const index = WIZARD_SCREENS.findIndex((s) => s.id === screen);
  if (typeof screen !== 'string' || index < 0) return invalid('it names no screen of the wizard');
  if (!isPlainObject(answers) || answers.version !== 1) return invalid('it holds no answers');
  if (findSecret(answers)) return invalid('it holds a value that looks like a secret');
  try {
    // Every screen is shown when resuming, so the screen's step is its place in the full wizard.
    return { kind: 'fresh', prefill: prefillFromData(answers, file), screen, step: index + 1, savedAt: saved };
  } catch {
    return invalid('its answers are not valid');
  }
}
