// Rules that span several fields, which JSON Schema cannot state. The zod schema checks them with
// these messages and paths; the quick path (source/answers-check.ts) checks the same list after
// the compiled JSON Schema. One list, so the two cannot drift apart. No zod here: the quick path
// must not load it.
import type { Answers } from './answers-schema.ts';

// Keys every generated image carries: the guidance's ten plus ami-wizard's lineage tags.
export const GUIDANCE_TAG_KEYS = [
  'Name', 'Version', 'Software', 'Role', 'System', 'Project', 'CostCenter', 'Stage', 'Confidentiality', 'Compliance',
] as const;
export const LINEAGE_TAG_KEYS = ['SourceAMI', 'SourceAMIName', 'BuildTime', 'AnswersChecksum', 'GeneratedBy'] as const;
const RESERVED_TAG_KEYS = [...GUIDANCE_TAG_KEYS, ...LINEAGE_TAG_KEYS].map((k) => k.toLowerCase());
const RESERVED_TAG_KEYS_LABEL = [...GUIDANCE_TAG_KEYS, ...LINEAGE_TAG_KEYS].join(', ');
const MAX_EXTRA_TAGS = 30;

export interface AnswerRule {
  ok: (answers: Answers) => boolean;
  message: string;
  path: string[];
}

// Values that become allowed values in the generated tag policy.
function policyValues(a: Answers): string[] {
  const p = a.project;
  return [p.name, p.system ?? '', p.costCenter ?? '', ...p.compliance, ...Object.values(a.tags).flatMap((t) => [t.value, ...(t.allowed ?? [])])];
}

export const ANSWER_RULES: readonly AnswerRule[] = [
  {
    ok: (a) => new Set(a.roles.map((r) => r.name)).size === a.roles.length,
    message: 'role names must be unique; rename the repeated role',
    path: ['roles'],
  },
  {
    ok: (a) => !(a.platform.os === 'windows-server-2022' && a.platform.architecture === 'arm64'),
    message: 'windows-server-2022 has no arm64 images; set platform.architecture to x86_64',
    path: ['platform', 'architecture'],
  },
  {
    ok: (a) => !(a.platform.os === 'windows-server-2022' && a.configManagement === 'ansible'),
    message: 'ansible-pull does not run on Windows; set configManagement to shell (PowerShell), chef, puppet or salt',
    path: ['configManagement'],
  },
  {
    ok: (a) => Object.keys(a.tags).length <= MAX_EXTRA_TAGS,
    message: `at most ${MAX_EXTRA_TAGS} extra tags: EC2 allows 50 tags per image and ami-wizard sets up to 20`,
    path: ['tags'],
  },
  {
    ok: (a) => !Object.keys(a.tags).some((k) => RESERVED_TAG_KEYS.includes(k.toLowerCase())),
    message: `extra tags must not repeat a tag ami-wizard sets itself (${RESERVED_TAG_KEYS_LABEL}); set those through project and roles`,
    path: ['tags'],
  },
  {
    ok: (a) => {
      const { encryption, kmsKeyId, shareWith } = a.options;
      const shared = shareWith.accounts.length + shareWith.organizations.length + shareWith.organizationalUnits.length > 0;
      return !(encryption && shared && !kmsKeyId);
    },
    message: 'sharing an encrypted image needs a customer-managed KMS key (the default EBS key cannot be shared); set options.kmsKeyId',
    path: ['options', 'kmsKeyId'],
  },
  {
    ok: (a) => policyValues(a).every((v) => !v.includes('*')),
    message: 'tag values must not contain "*": AWS tag policies read it as a wildcard',
    path: ['project'],
  },
  {
    ok: (a) => a.roles.every((r) => r.software.join(',').length <= 256),
    message: "a role's software list must fit the 256-character Software tag; shorten or group the names",
    path: ['roles'],
  },
];
