// Puppet's own parser on the manifests: `puppet parser validate`, one process for all files (it
// starts in about a second and reports every file that fails, each error naming its file).
import { run } from './tools.ts';
import type { SyntaxProblem } from './ruby.ts';

export function puppetValidate(files: string[]): { code: number; output: string; problems: SyntaxProblem[] } {
  if (files.length === 0) throw new Error('puppetValidate needs at least one file (with none, puppet validates site.pp instead)');
  const result = run('puppet', ['parser', 'validate', '--color=false', ...files]);
  const problems = result.output
    .split('\n')
    .filter((line) => line.startsWith('Error:'))
    .map((message) => ({ file: /\(file: ([^,)]+)/.exec(message)?.[1] ?? '?', message }));
  // A failing exit with no Error line still fails: the caller sees the whole output.
  if (result.code !== 0 && problems.length === 0) problems.push({ file: '?', message: result.output.trim() });
  return { code: result.code, output: result.output, problems };
}
