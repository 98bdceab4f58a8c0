// Rules that span several fields, which JSON Schema cannot state. The zod schema checks them with
// these messages and paths; the quick path (source/answers-check.ts) checks the same list after
// the compiled JSON Schema. One list, so the two cannot drift apart. No zod here: the quick path
// must not load it.
import type { Answers } from './answers-schema.ts';
import { packageGrammar } from './package-names.ts';

// Keys every generated image carries: the guidance's ten plus ami-wizard's lineage tags.
export const GUIDANCE_TAG_KEYS = [
  'Name', 'Version', 'Software', 'Role', 'System', 'Project', 'CostCenter', 'Stage', 'Confidentiality', 'Compliance',
] as const;
export const LINEAGE_TAG_KEYS = ['SourceAMI', 'SourceAMIName', 'BuildTime', 'AnswersChecksum', 'GeneratedBy'] as const;
const RESERVED_TAG_KEYS = [...GUIDANCE_TAG_KEYS, ...LINEAGE_TAG_KEYS].map((k) => k.toLowerCase());
const RESERVED_TAG_KEYS_LABEL = [...GUIDANCE_TAG_KEYS, ...LINEAGE_TAG_KEYS].join(', ');
const MAX_EXTRA_TAGS = 30;

export interface AnswerProblem {
  path: (string | number)[];
  message: string;
}

/** A rule across fields: the first problem it finds, or undefined. */
export type AnswerRule = (answers: Answers) => AnswerProblem | undefined;

/** A rule that holds or not, always reported at the same path. */
const rule = (ok: (a: Answers) => boolean, message: string, path: string[]): AnswerRule => (a) => (ok(a) ? undefined : { path, message });

// Values that become allowed values in the generated tag policy.
function policyValues(a: Answers): string[] {
  const p = a.project;
  return [p.name, p.system ?? '', p.costCenter ?? '', ...p.compliance, ...Object.values(a.tags).flatMap((t) => [t.value, ...(t.allowed ?? [])])];
}

/** Each software entry in the grammar of the package manager of the chosen OS (package-names.ts). */
const packageNames: AnswerRule = (a) => {
  const grammar = packageGrammar(a.platform.os);
  for (const [r, role] of a.roles.entries()) {
    const bad = role.software.findIndex((name) => !grammar.pattern.test(name));
    if (bad >= 0) {
      return {
        path: ['roles', r, 'software', bad],
        message: `${JSON.stringify(role.software[bad])} is not ${grammar.noun} (${a.platform.os} installs packages with ${grammar.manager}); a package name is ${grammar.rule}`,
      };
    }
  }
  return undefined;
};

/** Tag policies compare keys without case: Team and team would be one statement with two meanings. */
const tagKeysDifferInCase: AnswerRule = (a) => {
  const seen = new Map<string, string>();
  for (const key of Object.keys(a.tags)) {
    const other = seen.get(key.toLowerCase());
    if (other !== undefined) {
      return { path: ['tags', key], message: `tag keys "${other}" and "${key}" differ only in case; AWS tag policies treat them as one key, so keep one` };
    }
    seen.set(key.toLowerCase(), key);
  }
  return undefined;
};

export const ANSWER_RULES: readonly AnswerRule[] = [
  rule((a) => new Set(a.roles.map((r) => r.name)).size === a.roles.length, 'role names must be unique; rename the repeated role', ['roles']),
  rule(
    (a) => !(a.platform.os === 'windows-server-2022' && a.platform.architecture === 'arm64'),
    'windows-server-2022 has no arm64 images; set platform.architecture to x86_64',
    ['platform', 'architecture'],
  ),
  rule(
    (a) => !(a.platform.os === 'windows-server-2022' && a.configManagement === 'ansible'),
    'ansible-pull does not run on Windows; set configManagement to shell (PowerShell), chef, puppet or salt',
    ['configManagement'],
  ),
  rule(
    (a) => Object.keys(a.tags).length <= MAX_EXTRA_TAGS,
    `at most ${MAX_EXTRA_TAGS} extra tags: EC2 allows 50 tags per image and ami-wizard sets up to 20`,
    ['tags'],
  ),
  rule(
    (a) => !Object.keys(a.tags).some((k) => RESERVED_TAG_KEYS.includes(k.toLowerCase())),
    `extra tags must not repeat a tag ami-wizard sets itself (${RESERVED_TAG_KEYS_LABEL}); set those through project and roles`,
    ['tags'],
  ),
  tagKeysDifferInCase,
  rule(
    (a) => {
      const { encryption, kmsKeyId, shareWith } = a.options;
      const shared = shareWith.accounts.length + shareWith.organizations.length + shareWith.organizationalUnits.length > 0;
      return !(encryption && shared && !kmsKeyId);
    },
    'sharing an encrypted image needs a customer-managed KMS key (the default EBS key cannot be shared); set options.kmsKeyId',
    ['options', 'kmsKeyId'],
  ),
  rule((a) => policyValues(a).every((v) => !v.includes('*')), 'tag values must not contain "*": AWS tag policies read it as a wildcard', ['project']),
  packageNames,
  rule(
    (a) => a.roles.every((r) => r.software.join(',').length <= 256),
    "a role's software list must fit the 256-character Software tag; shorten or group the names",
    ['roles'],
  ),
];
