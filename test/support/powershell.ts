// PowerShell's own grammar without pwsh: the tree-sitter grammar that npm tree-sitter-powershell
// ships as WebAssembly, run by web-tree-sitter. Both are devDependencies, so this check is never
// missing; a broken install fails the import loudly.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';

export interface PowerShellProblem {
  line: number;
  column: number;
  /** "error" where the grammar could not parse, "missing X" where it had to invent a token. */
  kind: string;
  /** The source line, to read the report without opening the file. */
  text: string;
}

const WASM = createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
let parser: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const p = new Parser();
    p.setLanguage(await Language.load(WASM));
    return p;
  })();
  return parser;
}

// PowerShell's tokenizer takes the typographic quotes and dashes as ' " and - (its language spec:
// single-quote-character, double-quote-character, dash); the grammar knows only ASCII. Mapping them
// one for one keeps every position and makes the grammar see where PowerShell ends a string: an
// undoubled ’ inside '...' ends it in PowerShell, so it must end it here too.
const POWERSHELL_EQUIVALENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b]/g, "'"],
  [/[\u201c\u201d\u201e]/g, '"'],
  [/[\u2013\u2014\u2015]/g, '-'],
];

function asPowerShellLexes(text: string): string {
  return POWERSHELL_EQUIVALENTS.reduce((s, [pattern, ascii]) => s.replace(pattern, ascii), text);
}

function problemsIn(node: Node, lines: string[], out: PowerShellProblem[]): void {
  if (node.isError || node.isMissing) {
    const { row, column } = node.startPosition;
    out.push({
      line: row + 1,
      column: column + 1,
      kind: node.isMissing ? `missing ${node.type}` : 'error',
      text: lines[row] ?? '',
    });
    return;
  }
  if (!node.hasError) return;
  for (const child of node.children) if (child) problemsIn(child, lines, out);
}

/** A parse function, loaded once; each call returns the ERROR and MISSING nodes of one script (none: it parses). */
export async function loadPowerShell(): Promise<(script: string) => PowerShellProblem[]> {
  const p = await loadParser();
  return (script) => {
    const tree = p.parse(asPowerShellLexes(script));
    if (!tree) throw new Error('tree-sitter-powershell returned no tree');
    try {
      const problems: PowerShellProblem[] = [];
      problemsIn(tree.rootNode, script.split('\n'), problems);
      return problems;
    } finally {
      tree.delete();
    }
  };
}

/**
 * The lines (1-based) that lie wholly inside comments, as PowerShell reads the script: a line there is
 * never run, whatever it says (the build-instance marker in the WinRM user data relies on it).
 */
export async function commentLines(script: string): Promise<Set<number>> {
  const p = await loadParser();
  const tree = p.parse(asPowerShellLexes(script));
  if (!tree) throw new Error('tree-sitter-powershell returned no tree');
  try {
    const text = script.split('\n');
    const lines = new Set<number>();
    for (const node of tree.rootNode.descendantsOfType('comment')) {
      if (!node) continue;
      const { startPosition: start, endPosition: end } = node;
      // A first or last line shared with code is not wholly comment.
      const first = text[start.row]!.slice(0, start.column).trim() ? start.row + 1 : start.row;
      const last = text[end.row]!.slice(end.column).trim() ? end.row - 1 : end.row;
      for (let row = first; row <= last; row++) lines.add(row + 1);
    }
    return lines;
  } finally {
    tree.delete();
  }
}

export async function parsePowerShell(script: string): Promise<PowerShellProblem[]> {
  return (await loadPowerShell())(script);
}

/**
 * The script inside EC2 user data: the first line `<powershell>` and the last `</powershell>` are
 * EC2Launch's markers, not PowerShell. Throws when the markers are not exactly there.
 */
export function userDataScript(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[0] !== '<powershell>' || lines.at(-1) !== '</powershell>') {
    throw new Error('EC2 user data should open with a <powershell> line and close with a </powershell> line');
  }
  // Keep the line numbers of the file: the markers become empty lines.
  return ['', ...lines.slice(1, -1), ''].join('\n');
}

export function formatProblems(problems: PowerShellProblem[]): string {
  return problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.text.trim()}`).join('\n');
}
