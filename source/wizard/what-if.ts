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
  /** Saves the answers; resolves with what to tell the room, rejects with an Error to show. */
  save: (answers: GuidanceAnswers) => Promise<string>;
}

/** The board hands back its answers whether the room is done or goes back to the questions. */
export interface BoardResult {
  action: 'done' | 'back';
  answers: GuidanceAnswers;
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
  return { answers, recommendation, move: { key, from: state.recommendation.recommended, to: recommendation.recommended, reason } };
}
