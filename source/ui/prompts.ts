// The wizard's prompt effects, implemented with the Ink screens. Steps get this object as
// `ctx.prompts`; tests give them a scripted one instead.
import type { Progress, Prompts } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { multiSelectPrompt } from './multi-select-prompt.tsx';
import { planPrompt } from './plan-screen.tsx';
import { recommendationPrompt } from './recommendation-screen.tsx';
import { selectGroupPrompt } from './select-group-prompt.tsx';
import { selectPrompt } from './select-prompt.tsx';
import { textPrompt } from './text-prompt.tsx';
import { welcomePrompt } from './welcome-screen.tsx';
import { writingProgress } from './writing-screen.tsx';

export function createPrompts(host: UiHost, progress: () => Progress): Prompts {
  return {
    welcome: (request) => welcomePrompt(host, request),
    select: (request) => selectPrompt(host, request, progress()),
    selectGroup: (request) => selectGroupPrompt(host, request, progress()),
    text: (request) => textPrompt(host, request, progress()),
    multiSelect: (request) => multiSelectPrompt(host, request, progress()),
    recommendation: (request) => recommendationPrompt(host, request, progress()),
    confirmPlan: (request) => planPrompt(host, request, progress()),
    writing: (outLabel, count, work) => writingProgress(host, outLabel, count, work, progress()),
  };
}
