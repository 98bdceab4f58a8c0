// The what-if board's model: the answers, the recommendation for them, and how the last changed
// answer moved it, with that answer's reason. Pure; the board screen only shows it (in the words of
// text/decision-text.ts).
import { QUESTIONS } from '../../questionnaire/questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { recommend } from '../../questionnaire/recommend.ts';
import type { Recommendation } from '../../questionnaire/recommend.ts';

export interface Move {
  key: QuestionKey;
  from: Design;
  to: Design;
  /** The changed answer's one-line reason from the model. */
  reason: string;
}

export interface BoardState {
  answers: GuidanceAnswers;
  recommendation: Recommendation;
  move?: Move;
}

export interface BoardRequest {
  initial: BoardState;
  change: (state: BoardState, key: QuestionKey, step: 1 | -1) => BoardState;
  /** The question selected when the board opens (again, after a save). */
  row?: number;
  /** What to tell the room when the board opens: where the answers were saved, or why not. */
  status?: { text: string; ok: boolean };
  /** The board is the first screen (--answers): there is nothing to go back to. */
  first?: boolean;
}

/**
 * The board hands back its answers and the selected row whether the room is done, goes back to the
 * questions, asks to save (`s`: the workshop asks where, saves, and opens the board again) or quits
 * (Ctrl+C: the workshop asks about unsaved changes first, then cancels).
 */
export interface BoardResult {
  action: 'done' | 'back' | 'save' | 'quit';
  answers: GuidanceAnswers;
  row: number;
}

export function boardState(answers: GuidanceAnswers): BoardState {
  return { answers, recommendation: recommend(answers) };
}

/** The next (step 1) or previous (step -1) answer to `key`, wrapping around the choices. */
export function changeAnswer(state: BoardState, key: QuestionKey, step: 1 | -1): BoardState {
  const values = QUESTIONS[key].choices.map((c) => c.value as string | boolean);
  const at = values.indexOf(state.answers[key]);
  const answers = { ...state.answers, [key]: values[(at + step + values.length) % values.length] } as GuidanceAnswers;
  const recommendation = recommend(answers);
  const reason = recommendation.reasons.find((r) => r.key === key)!.sentence;
  return {
    answers,
    recommendation,
    move: { key, from: state.recommendation.recommended, to: recommendation.recommended, reason },
  };
}
