// The one place an Ink host is set up and torn down, for the wizard and the workshop alike: Ctrl+C
// (a key in raw mode) and SIGINT both abort the session's signal; the host closes however the run
// ends; a cancelled run prints its message and returns its exit code, anything else propagates.
import { CancelledError } from '../errors.ts';
import { keepStartRecords } from '../start/code-cache.ts';
import { createHost } from '../ui/host.tsx';
import type { UiHost } from '../ui/host.tsx';
import type { CommandIO } from './context.ts';

export interface HostSession {
  host: UiHost;
  signal: AbortSignal;
}

export interface HostOptions {
  /** Runs right before Ink's first frame (the wizard erases its plain-text welcome there). */
  beforeFirstFrame?: () => void;
  /** Runs after the host closed, however the run ended. */
  afterClose?: () => void;
  /** The message for a cancelled run (default: the CancelledError's own). */
  cancelledMessage?: (error: CancelledError) => string;
  /**
   * The first screen is where the run starts to ask (default true): the code cache keeps its records
   * as they are then. Not so with --yes, whose first screen is the writing one.
   */
  firstScreenStarts?: boolean;
}

export async function withHost(
  io: CommandIO,
  options: HostOptions,
  run: (session: HostSession) => Promise<number>,
): Promise<number> {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  const stopListening = io.onInterrupt(interrupt);
  const { stdin, stdout } = io.terminal();
  const host = createHost({
    stdin,
    stdout,
    signal: controller.signal,
    onInterrupt: interrupt,
    beforeFirstFrame: options.beforeFirstFrame,
    // The code cache's records are written at exit, and a session often ends without one (the
    // terminal closed, the process killed): then the next start compiled Ink, React and yoga again,
    // the bulk of its time to the first keys. So they are written once the first screen is drawn,
    // and kept as they are then; the screens' own is made only here (START_ONLY). Written again at
    // exit, it held the code of every screen the session showed, which the next start read before
    // its first keys and did not run (726 -> 1044 KB after one whole session, 3 ms later to the
    // keys on Node 22).
    afterFirstFrame: options.firstScreenStarts === false ? undefined : keepStartRecords,
  });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    host.close();
    options.afterClose?.();
  };
  try {
    return await run({ host: { ...host, close }, signal: controller.signal });
  } catch (error) {
    close();
    if (error instanceof CancelledError) {
      io.stderr(`${options.cancelledMessage?.(error) ?? error.message}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    close();
    stopListening();
  }
}
