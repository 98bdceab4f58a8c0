import { decide } from '../../questionnaire/recommend.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import type { Answers } from '../../questionnaire/answers-schema.ts';
import type { CliArgs } from '../cli-options.ts';
import { InputError } from '../errors.ts';
import { loadAnswers } from '../answers-file.ts';
import type { CommandIO } from './context.ts';
import { recommendationText } from './recommend-text.ts';
import { compareAnswers } from '../../questionnaire/compare.ts';
import { comparisonText } from './compare-text.ts';

export function decisionFor(answers: Answers): Decision {
  return decide(answers.guidance, answers.strategy, answers.roles.length);
}

export function decisionJson(decision: Decision) {
  return {
    strategy: decision.strategy,
    recommended: decision.recommended,
    overridden: decision.overridden,
    ranking: decision.ranking,
    reasons: decision.reasons.map(({ key, answer, favours, weights, sentence }) => ({ key, answer, favours, weights, reason: sentence })),
    whatIf: decision.whatIf.map(({ key, from, to, strategy }) => ({ key, from, to, strategy })),
    tradeOffs: decision.tradeOffs,
  };
}

export async function recommendCommand(args: CliArgs, io: CommandIO): Promise<number> {
  if (!args.answers) throw new InputError('recommend needs an answers file: ami-wizard recommend --answers ami-wizard.yaml');
  const answers = await loadAnswers(args.answers);
  if (args.compare) {
    const other = await loadAnswers(args.compare);
    const comparison = compareAnswers(answers.guidance, other.guidance);
    io.stdout(args.json ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonText(comparison, args.answers, args.compare));
    return 0;
  }
  const decision = decisionFor(answers);
  io.stdout(args.json ? `${JSON.stringify(decisionJson(decision), null, 2)}\n` : recommendationText(decision));
  return 0;
}
