// Refusing to open a screen where it cannot work, before any UI code loads (so a pipe never sees
// Ink's raw-mode error): main.ts and answers-in-terminal.ts.
import { EXIT } from '../errors.ts';
import type { CommandIO } from './context.ts';

// TERM=dumb (Emacs shell buffers, some CI consoles): no cursor movement or screen clearing, which
// every screen of the wizard needs to redraw itself.
export const DUMB_TERMINAL = 'needs a terminal that can move the cursor (TERM is dumb).';
export const isDumbTerminal = (): boolean => process.env.TERM === 'dumb';

export function refuseWithoutTerminal(io: CommandIO, message: string): number {
  io.stderr(`ami-wizard: ${message}\n`);
  return EXIT.badInput;
}
