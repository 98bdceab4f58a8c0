// The usable size of the terminal (screenSize), updated on resize. 60 columns is the narrowest the
// screens are designed for. The host shares one size store, and tells Ink of a resize only once
// React has committed the new size (host.tsx), so every screen has re-rendered at the new width by
// the time Ink redraws; else Ink would draw one frame padded to the old width (which the terminal
// wraps, and whose wrapped rows are left behind on screen).
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { useStdout } from 'ink';
import { screenSize } from '../text/welcome-text.ts';

export type TerminalSize = ReturnType<typeof screenSize>;

export interface SizeStore {
  subscribe: (listener: () => void) => () => void;
  get: () => TerminalSize;
}

/** A size store the caller updates (the host, from its resize listener). */
export function createSizeStore(stdout: NodeJS.WriteStream): SizeStore & { update: () => void } {
  let size = screenSize(stdout);
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    get: () => size,
    update() {
      size = screenSize(stdout);
      listeners.forEach((listener) => listener());
    },
  };
}

/** A store that follows the stream's resize events itself (a screen shown without the host). */
function listeningStore(stdout: NodeJS.WriteStream): SizeStore {
  const store = createSizeStore(stdout);
  return {
    get: store.get,
    subscribe(listener) {
      const unsubscribe = store.subscribe(listener);
      stdout.on('resize', store.update);
      return () => {
        stdout.off('resize', store.update);
        unsubscribe();
      };
    },
  };
}

const SizeContext = createContext<SizeStore | undefined>(undefined);
export const TerminalSizeProvider = SizeContext.Provider;

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const shared = useContext(SizeContext);
  const store = useMemo(() => shared ?? listeningStore(stdout), [shared, stdout]);
  return useSyncExternalStore(store.subscribe, store.get);
}
