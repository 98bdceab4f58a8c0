// The dotted paths of the answers file ('project.stage', 'guidance.recoveryTime'), as a type derived
// from the answers themselves: a field the schema does not have is a compile error where a screen,
// a rule or a message names it. Two levels deep, as far as the wizard's screens name fields; a map
// whose keys are the user's own (tags) ends the path at its name.
import type { AnswersInput } from './answer-fields.ts';

type Key<T> = Extract<keyof T, string>;

/** The paths into T: each key, and each key of a nested object (not of an array or an open map). */
type PathsOf<T> = {
  [K in Key<T>]:
    | K
    | (NonNullable<T[K]> extends readonly unknown[]
        ? never
        : NonNullable<T[K]> extends object
          ? string extends keyof NonNullable<T[K]>
            ? never
            : `${K}.${Key<NonNullable<T[K]>>}`
          : never);
}[Key<T>];

/** A field of the answers file, by its dotted path. */
export type AnswerPath = PathsOf<Required<AnswersInput>>;

/** The value at a path of T (undefined where a part may be missing). */
export type ValueAt<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<NonNullable<T[Head]>, Rest> | (undefined extends T[Head] ? undefined : never)
    : never
  : P extends keyof T
    ? T[P]
    : never;
