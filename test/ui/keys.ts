// Keystrokes for ink-testing-library. A screen rendered alone reads keys through Ink's useInput,
// which starts listening only once React has run the screen's effects, a turn after it mounts; and
// Ink holds a lone Esc a turn to see whether a sequence follows. So every key waits two macrotasks.
// Under the host no key waits (source/ui/screen-keys.ts).
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
