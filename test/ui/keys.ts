// Keystrokes for ink-testing-library. Ink applies a key's state update on the next turns of the
// event loop, so every key waits two macrotasks before the next one (else Enter acts on a stale
// selection).
export const KEY = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  home: '\u001B[H',
  end: '\u001B[F',
  tab: '\t',
  pageDown: '\u001B[6~',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function settle(): Promise<void> {
  await turn();
  await turn();
}

export async function press(stdin: { write: (data: string) => void }, ...keys: string[]): Promise<void> {
  await settle();
  for (const key of keys) {
    stdin.write(key);
    await settle();
  }
}
