// Untrusted text of any length (a tag value EC2 returns, an image name) cut to what a reader can use:
// its head and tail, and how long it really is. Pure, for the text and the JSON reports alike.

/** `text` when it has at most `max` characters, else its head and tail around `…` and its length. */
export function shortened(text: string, max = 64): string {
  if (text.length <= max) return text;
  const keep = Math.max(2, max - 2);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))} (${text.length} characters)`;
}
