// Adversarial review of issue 14's key stream: a bracketed paste whose end marker never comes (a
// broken terminal, a script that sends ESC[200~, a paste cut off) held every later key as paste
// text, Ctrl+C included, so the wizard could not even be quit. A Ctrl+C read on its own ends it.
import { expect, it } from 'vitest';
import { keyStream } from './key-stream-harness.ts';
import { PASTE_END, PASTE_START } from '../../source/ui/key-splitter.ts';

it('Ctrl+C read on its own ends a paste whose end marker never came, and reaches the screen', () => {
  const { keys, seen } = keyStream();
  keys.push(`${PASTE_START}half a paste`);
  keys.push('\u0003');
  expect(seen).toContain('\u0003');
});

it('a paste split over reads is still one paste, with a control character inside it dropped', () => {
  const { keys, seen } = keyStream();
  keys.push(`${PASTE_START}my`);
  keys.push(`\u0003shop${PASTE_END}`);
  expect(seen).toEqual(['myshop']);
});

it('an escape sequence cut between two reads is one key: a paste marker split so is still a paste', () => {
  const { keys, seen } = keyStream();
  keys.push('\u001B[20');
  keys.push(`0~web\rshop${PASTE_END}`);
  keys.push('\u001B[');
  keys.push('B');
  keys.push('\u001B[1;');
  keys.push('5C');
  keys.push('\u001B[3');
  keys.push('\u0003');
  expect(seen).toEqual(['web shop', '\u001B[B', '\u001B[1;5C', '\u001B[3', '\u0003']);
});
