import type { CliArgs } from '../cli-options.ts';
import { EXIT, InputError } from '../errors.ts';
import { loadAnswers } from '../answers/read.ts';
import { decisionFor, decisionJson } from '../../questionnaire/decision.ts';
import { jsonOutput } from '../text/json-output.ts';
import type { CommandIO } from './context.ts';
import { compareAnswers } from '../../questionnaire/compare.ts';
import { comparisonText } from '../text/compare-text.ts';
import { recommendationText } from '../text/decision-text.ts';

export async function recommendCommand(args: CliArgs, io: CommandIO): Promise<number> {
  if (!args.answers)
    throw new InputError('recommend needs an answers file: ami-wizard recommend --answers ami-wizard.yaml');
  const answers = await loadAnswers(args.answers);
  if (args.compare) {
    const other = await loadAnswers(args.compare);
    const comparison = compareAnswers(answers.guidance, other.guidance);
    io.stdout(args.json ? jsonOutput(comparison) : comparisonText(comparison, args.answers, args.compare));
    return EXIT.ok;
  }
  const decision = decisionFor(answers);
  io.stdout(args.json ? jsonOutput(decisionJson(decision)) : recommendationText(decision, answers.builder));
  return EXIT.ok;
}
