// Ruby's own parser on the Chef cookbooks (metadata.rb, recipes): `ruby -c` compiles without running.
import { run } from './tools.ts';

export interface SyntaxProblem {
  file: string;
  message: string;
}

/** Files `ruby -c` rejects, with its message; empty when all parse. One process a file: ruby -c reads one script. */
export function rubySyntax(files: string[]): SyntaxProblem[] {
  return files.flatMap((file) => {
    const result = run('ruby', ['-c', file]);
    return result.code === 0 && result.stdout.trim() === 'Syntax OK' ? [] : [{ file, message: result.output.trim() }];
  });
}
