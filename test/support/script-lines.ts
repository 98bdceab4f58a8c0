// Reading a generated script by its lines: where statements are, whether they come in order, what a
// brace-delimited block holds. The Windows tests check PowerShell this way (Debian has no pwsh to run it).

/** The index of the first line matching each pattern; throws when one is missing. */
export function linesOf(text: string, ...patterns: RegExp[]): number[] {
  const lines = text.split('\n');
  return patterns.map((p) => {
    const at = lines.findIndex((l) => p.test(l));
    if (at < 0) throw new Error(`no line matches ${p}`);
    return at;
  });
}

export const lineOf = (text: string, pattern: RegExp): number => linesOf(text, pattern)[0]!;

export const inOrder = (numbers: number[]): boolean => numbers.every((n, i) => i === 0 || numbers[i - 1]! < n);

/** The lines of the block a line opens with `{`, through its matching `}` (braces in strings are not counted; none here). */
export function blockAt(text: string, start: number): string[] {
  const lines = text.split('\n');
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const c of lines[i]!) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth === 0) return lines.slice(start, i + 1);
  }
  throw new Error(`the block at line ${start + 1} does not close`);
}

/** A generated folder's files by path; a path that is not generated throws. */
export function fileReader(files: { path: string; contents: string }[]): (path: string) => string {
  return (path) => {
    const found = files.find((f) => f.path === path);
    if (!found) throw new Error(`${path} is not generated`);
    return found.contents;
  };
}
