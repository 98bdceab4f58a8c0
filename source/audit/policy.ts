// What the audit checks against: the tag policy (--policy FILE, or derived from --answers exactly as
// generate writes tagging/tag-policy.json) and the age window (--max-age-days, the answers'
// options.deprecateAfterDays, else 365 days).
import { resolve } from 'node:path';
import { generateFolder } from '../../generators/folder.ts';
import type { Answers } from '../../questionnaire/answers-schema.ts';
import { loadAnswers } from '../answers/read.ts';
import { readBoundedText } from '../answers/bounded-text.ts';
import type { TextFileKind } from '../answers/bounded-text.ts';
import type { CliArgs } from '../cli-options.ts';
import { InputError } from '../errors.ts';
import { loadTemplateSources } from '../template-modules/load.ts';
import { GENERATOR_META } from '../version.ts';
import { parseTagPolicy } from './tag-policy.ts';
import type { TagRule } from './tag-policy.ts';

const DEFAULT_MAX_AGE_DAYS = 365;
const TAG_POLICY_PATH = 'tagging/tag-policy.json';
const MAX_POLICY_BYTES = 1024 * 1024;

export interface AuditPolicy {
  rules?: TagRule[];
  /** Where the rules came from, for the report. */
  source?: string;
  maxAgeDays: number;
}

export async function auditPolicy(args: CliArgs, cwd: string): Promise<AuditPolicy> {
  // Relative to the process directory, as generate reads it, so messages name the file as typed.
  const answers = args.answers ? await loadAnswers(args.answers) : undefined;
  let rules: TagRule[] | undefined;
  let source: string | undefined;
  if (args.policy) {
    rules = parseTagPolicy(readPolicyFile(resolve(cwd, args.policy), args.policy), args.policy);
    source = args.policy;
  } else if (answers && args.answers) {
    rules = parseTagPolicy(await generatedTagPolicy(answers), args.answers);
    source = `${args.answers} (as in ${TAG_POLICY_PATH})`;
  }
  const maxAgeDays =
    args.maxAgeDays !== undefined
      ? parseDays(args.maxAgeDays)
      : (answers?.options.deprecateAfterDays ?? DEFAULT_MAX_AGE_DAYS);
  return { ...(rules ? { rules } : {}), ...(source ? { source } : {}), maxAgeDays };
}

/** The tag policy `generate` writes for these answers: their folder, generated in memory as generate does. */
async function generatedTagPolicy(answers: Answers): Promise<unknown> {
  const { files } = generateFolder(answers, await loadTemplateSources(), GENERATOR_META);
  const policy = files.find((file) => file.path === TAG_POLICY_PATH);
  if (!policy) throw new Error(`The generated folder has no ${TAG_POLICY_PATH}.`);
  return JSON.parse(policy.contents);
}

const TAG_POLICY: TextFileKind = {
  label: 'Tag policy',
  notFoundHint: 'Pass the generated one (--policy build/ami/tagging/tag-policy.json) or --answers FILE.',
  folderHint: (file) => `Pass the policy file itself: --policy ${file}/tagging/tag-policy.json`,
  sizeNote: 'a tag policy is at most that',
  binaryHint: 'Pass a JSON tag policy.',
  encodingHint: 'Save the tag policy as UTF-8 JSON.',
};

/** Read like an answers file: bounded, whatever the source, and each read error named as what it is. */
function readPolicyFile(path: string, shown: string): unknown {
  const text = readBoundedText(path, MAX_POLICY_BYTES, TAG_POLICY, shown);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseDays(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1) {
    throw new InputError(`--max-age-days needs a whole number of days (1 or more), not ${JSON.stringify(text)}.`);
  }
  return Number(text);
}
