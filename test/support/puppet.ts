// Puppet's own parser on the manifests: `puppet parser validate`, one process for all files (it
// starts in about a second and reports every file that fails, each error naming its file).
import { run } from './tools.ts';
import type { SyntaxProblem } from './ruby.ts';

export function puppetValidate(files: string[]): { code: number; output: string; problems: SyntaxProblem[] } {
  if (files.length === 0)
    throw new Error('puppetValidate needs at least one file (with none, puppet validates site.pp instead)');
  const result = run('puppet', ['parser', 'validate', '--color=false', ...files]);
  const problems = result.output
    .split('\n')
    .filter((line) => line.startsWith('Error:'))
    .map((message) => ({ file: /\(file: ([^,)]+)/.exec(message)?.[1] ?? '?', message }));
  // A failing exit with no Error line still fails: the caller sees the whole output.
  if (result.code !== 0 && problems.length === 0) problems.push({ file: '?', message: result.output.trim() });
  return { code: result.code, output: result.output, problems };
}

export interface PuppetTree {
  file: string;
  /** Puppet's own AST of the manifest, as `puppet parser dump --format json` prints it. */
  tree: unknown;
  /** Its interpolated strings ("concat" nodes): the only places a string's text is evaluated. */
  interpolations: unknown[];
}

/** Puppet's AST of each manifest, in one process. Throws unless every file parsed (validate first). */
export function puppetDump(files: string[]): PuppetTree[] {
  const result = run('puppet', ['parser', 'dump', '--format', 'json', '--color=false', ...files]);
  // dump exits 0 even on a syntax error and prints one JSON tree a file, back to back, unnamed.
  const trees = jsonStream(result.stdout);
  if (result.code !== 0 || result.stderr.trim() || trees.length !== files.length) {
    throw new Error(`puppet parser dump gave ${trees.length} tree(s) for ${files.length} file(s):\n${result.output}`);
  }
  return trees.map((tree, i) => ({ file: files[i]!, tree, interpolations: findConcat(tree) }));
}

function findConcat(node: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) {
    if (node[0] === 'concat') out.push(node);
    for (const child of node) findConcat(child, out);
  } else if (node && typeof node === 'object') {
    for (const child of Object.values(node)) findConcat(child, out);
  }
  return out;
}

/** Consecutive JSON documents, split where the top-level value closes (strings stepped over). */
function jsonStream(text: string): unknown[] {
  const docs: unknown[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) {
      docs.push(JSON.parse(text.slice(start, i + 1)));
      start = i + 1;
    }
  }
  if (text.slice(start).trim())
    throw new Error(`puppet parser dump: trailing output ${JSON.stringify(text.slice(start, start + 80))}`);
  return docs;
}
