// Type-to-jump in a list: the letters typed so far pick the first label that starts with them,
// searching on from the highlighted row; the same letter again moves on to the next such label
// (Salt after Shell scripts), as file managers do. Pure; the list keeps `typed` between keys.

export interface Jump {
  index: number;
  /** The letters that now select: kept for the next key, cleared when the arrows move. */
  typed: string;
}

const startsWith = (label: string, prefix: string) => label.toLowerCase().startsWith(prefix);

/** The first label from `from` on (wrapping round) that starts with `prefix`. */
function findFrom(labels: readonly string[], prefix: string, from: number): number | undefined {
  for (let step = 0; step < labels.length; step++) {
    const index = (from + step) % labels.length;
    if (startsWith(labels[index]!, prefix)) return index;
  }
  return undefined;
}

export function jumpTo(labels: readonly string[], typed: string, letter: string, current: number): Jump | undefined {
  const key = letter.toLowerCase();
  const longer = typed + key;
  // More letters narrow the match, staying on the current row while it still fits.
  if (typed && key !== typed.at(-1)) {
    const index = findFrom(labels, longer, current);
    if (index !== undefined) return { index, typed: longer };
  }
  // A first letter, or the same one again: the next label after the current that starts with it.
  const index = findFrom(labels, key, current + 1);
  return index === undefined ? undefined : { index, typed: key };
}
