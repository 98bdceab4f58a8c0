// How a screen takes keys. Under the host (host.tsx) a screen registers its handler with the host's
// key router as it mounts (a layout effect, part of React's commit, not of a later turn); the router
// hands it every key synchronously, in order, and holds keys that come while no screen takes them
// (between one screen's answer and the next screen's mount). A screen rendered on its own (a test
// with ink-testing-library) reads keys through Ink's useInput instead.
//
// A screen's state lives in a store (useScreenStore) that a key's handler updates at once, so the
// next key, in the same read or not, acts on the state the key before left, drawn or not yet: the
// screen's reducer (a *-state.ts module) decides, the component only draws.
import { createContext, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useInput } from 'ink';
import type { Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

export interface KeyRouter {
  /** Makes `handler` the one that takes keys; returns the function that stops it. */
  take(handler: KeyHandler): () => void;
  /** Turns the terminal's bracketed paste on while a text field shows (key-stream.ts). */
  setBracketedPaste(on: boolean): void;
}

const RouterContext = createContext<KeyRouter | undefined>(undefined);
export const KeyRouterProvider = RouterContext.Provider;

/** The key router the screen is under, if any (undefined when a test renders a screen alone). */
export const useKeyRouter = (): KeyRouter | undefined => useContext(RouterContext);

export function useScreenKeys(handler: KeyHandler): void {
  const router = useContext(RouterContext);
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => router?.take((input, key) => latest.current(input, key)), [router]);
  useInput((input, key) => latest.current(input, key), { isActive: !router });
}

export interface ScreenStore<S> {
  get(): S;
  set(next: S): void;
}

/** A screen's state, changed at once by `set` (the next key reads it) and drawn by React after. */
export function useScreenStore<S>(initial: () => S): [S, ScreenStore<S>] {
  const [store] = useState(() => {
    let state = initial();
    const listeners = new Set<() => void>();
    return {
      get: () => state,
      set(next: S) {
        if (next === state) return;
        state = next;
        listeners.forEach((listener) => listener());
      },
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
  });
  return [useSyncExternalStore(store.subscribe, store.get), store];
}
