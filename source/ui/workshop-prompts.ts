// The workshop's prompt effects, implemented with the Ink screens.
import type { Progress } from '../wizard/context.ts';
import type { WorkshopPrompts } from '../wizard/workshop.ts';
import type { UiHost } from './host.tsx';
import { selectGroupPrompt } from './select-group-prompt.tsx';
import { selectPrompt } from './select-prompt.tsx';
import { spectrumPrompt } from './spectrum-screen.tsx';
import { textPrompt } from './text-prompt.tsx';
import { whatIfBoardPrompt } from './what-if-board.tsx';

export function createWorkshopPrompts(host: UiHost, progress: () => Progress): WorkshopPrompts {
  return {
    spectrum: () => spectrumPrompt(host, progress()),
    select: (request) => selectPrompt(host, request, progress()),
    selectGroup: (request) => selectGroupPrompt(host, request, progress()),
    text: (request) => textPrompt(host, request, progress()),
    board: (request) => whatIfBoardPrompt(host, request, progress()),
  };
}
