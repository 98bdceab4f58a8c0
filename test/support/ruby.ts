// Ruby's own parser on the Chef cookbooks (metadata.rb, recipes): `ruby -c` compiles without running,
// and Ruby's lexer (Ripper) finds the strings that run code when Chef loads the recipe.
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

export interface RubyEvaluation {
  file: string;
  line: number;
  column: number;
  /** `#{` or `#` (interpolation in a string, symbol or heredoc), or a backtick or `%x(` (a shell command). */
  token: string;
}

// Ripper's token names for the places a literal stops being literal.
const FIND_EVALUATION = `
require 'ripper'
require 'json'
evaluating = %i[on_embexpr_beg on_embvar on_backtick]
found = ARGV.flat_map do |file|
  Ripper.lex(File.read(file)).select { |_, type| evaluating.include?(type) }
        .map { |(line, column), _, token| { file: file, line: line, column: column + 1, token: token } }
end
puts JSON.generate(found)
`;

/** Every interpolation and shell command in the files' Ruby, in one ruby process; empty when every string is literal. */
export function rubyEvaluatedStrings(files: string[]): RubyEvaluation[] {
  const result = run('ruby', ['-e', FIND_EVALUATION, ...files]);
  if (result.code !== 0) throw new Error(`ruby (Ripper) failed:\n${result.output}`);
  return JSON.parse(result.stdout) as RubyEvaluation[];
}
