// Runs a screen's reducer over a sequence of keys, as the host feeds them from one read: each key
// acts on the state the key before left. Returns the last state and every action, in order.
export function pressAll<S, K, A>(
  press: (state: S, key: K) => readonly [S, A],
  state: S,
  keys: readonly K[],
): { state: S; actions: Exclude<A, undefined>[] } {
  const actions: Exclude<A, undefined>[] = [];
  for (const key of keys) {
    const [next, action] = press(state, key);
    state = next;
    if (action !== undefined) actions.push(action as Exclude<A, undefined>);
  }
  return { state, actions };
}
