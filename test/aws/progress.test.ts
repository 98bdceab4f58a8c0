// The spinner writes to stderr itself, past the CLI's output filter: it escapes its own text.
import { expect, it } from 'vitest';
import { progress } from '../../source/aws/progress.ts';

it('draws untrusted text escaped, on one line', () => {
  const written: string[] = [];
  const spinner = progress({ isTTY: true, write: (text) => written.push(text) }, 60_000);
  spinner.update('Listing images in eu\x1b]0;owned\x07\u202e\nx');
  spinner.stop();
  const drawn = written.join('');
  expect(drawn).toContain('Listing images in eu\\x1b]0;owned\\x07\\u202e\\x0ax');
  // Only the spinner's own sequences remain: carriage return and erase-to-end-of-line.
  expect(drawn.replace(/\r|\x1b\[K/g, '')).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
});
