// The welcome screen's keys as a pure reducer (welcome-screen.tsx draws it): Enter starts; with a
// kept draft, a list of two (resume it, or start over) whose keys are choice-list-state.ts's.
import { initialChoiceState, pressChoiceKey } from './choice-list-state.ts';
import type { ChoiceKey, ChoiceListState } from './choice-list-state.ts';
import type { WelcomeChoice } from '../wizard/context.ts';

export const WELCOME_CHOICES: readonly WelcomeChoice[] = ['resume', 'start'];

export type WelcomeState = ChoiceListState;

export const initialWelcomeState: WelcomeState = initialChoiceState(WELCOME_CHOICES.length);

export function pressWelcomeKey(
  state: WelcomeState,
  key: ChoiceKey,
  resume: string | undefined,
): [WelcomeState, WelcomeChoice | undefined] {
  if (resume === undefined) return [state, key === 'enter' ? 'start' : undefined];
  const [next, action] = pressChoiceKey(state, key, { labels: [resume, 'start over'] });
  return [next, action && WELCOME_CHOICES[action.pick]];
}
