// One field of the draft, named once: its path (what --answers gives and the rules report on), how a
// screen reads its current value and how it writes the answer. answerField derives both from the
// path, so a step names 'project.stage' once instead of as a path, a getter and a setter.
import type { AnswerPath, ValueAt } from '../../questionnaire/answer-paths.ts';
import type { Draft } from '../answers/draft.ts';

export interface AnswerField<V> {
  path: AnswerPath;
  get: (draft: Draft) => V | undefined;
  /** Writes the answer; undefined removes it (an optional field left empty). */
  set: (draft: Draft, value: V | undefined) => void;
}

/** What a path holds in the draft, without the undefined of a field not yet answered. */
export type DraftValue<P extends AnswerPath> = Exclude<ValueAt<Draft, P>, undefined>;

/** The field at `path`, read and written where the path says. */
export function answerField<P extends AnswerPath>(path: P): AnswerField<DraftValue<P>> {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = (draft: Draft, create: boolean): Record<string, unknown> | undefined => {
    let at = draft as unknown as Record<string, unknown>;
    for (const key of keys) {
      if (at[key] === undefined && create) at[key] = {};
      if (at[key] === undefined) return undefined;
      at = at[key] as Record<string, unknown>;
    }
    return at;
  };
  return {
    path,
    get: (draft) => parent(draft, false)?.[last] as DraftValue<P> | undefined,
    set: (draft, value) => {
      if (value !== undefined) parent(draft, true)![last] = value;
      else delete parent(draft, false)?.[last];
    },
  };
}
