// Rules that span several fields, which JSON Schema cannot state. The zod schema checks them with
// these messages and paths; the quick path (the CLI's answers check) checks the same list after
// the compiled JSON Schema. One list, so the two cannot drift apart. No zod here: the quick path
// must not load it.
import type { Answers } from './answer-fields.ts';
import { configToolFor } from './config-tool.ts';
import { packageGrammar } from './package-names.ts';
import { orList } from './answer-values.ts';
import { FAMILY_LABELS, hasArchitecture, platformOf, runsConfigTool } from './platforms.ts';
import { MANAGEMENT_AGENTS, entryName, sharedPackages } from './placement.ts';
import type { SoftwareEntry } from './placement.ts';

// Keys every generated image carries: the guidance's ten plus ami-wizard's lineage tags.
export const GUIDANCE_TAG_KEYS = [
  'Name',
  'Version',
  'Software',
  'Role',
  'System',
  'Project',
  'CostCenter',
  'Stage',
  'Confidentiality',
  'Compliance',
] as const;
export const LINEAGE_TAG_KEYS = ['SourceAMI', 'SourceAMIName', 'BuildTime', 'AnswersChecksum', 'GeneratedBy'] as const;
/** Set from other answers: Owner from project.owner. */
export const PROJECT_TAG_KEYS = ['Owner'] as const;
const RESERVED = [...GUIDANCE_TAG_KEYS, ...LINEAGE_TAG_KEYS, ...PROJECT_TAG_KEYS];
const RESERVED_TAG_KEYS = RESERVED.map((k) => k.toLowerCase());
const RESERVED_TAG_KEYS_LABEL = RESERVED.join(', ');
const MAX_EXTRA_TAGS = 30;

export interface AnswerProblem {
  path: (string | number)[];
  message: string;
}

/** A rule across fields: the first problem it finds, or undefined. */
export type AnswerRule = (answers: Answers) => AnswerProblem | undefined;

/** A rule that holds or not, always reported at the same path. */
const rule =
  (ok: (a: Answers) => boolean, message: string, path: string[]): AnswerRule =>
  (a) =>
    ok(a) ? undefined : { path, message };

/** An answer that becomes an allowed value in tagging/tag-policy.json, with where it is in the answers. */
export interface PolicyValueField {
  path: (string | number)[];
  value: string;
}

/**
 * Every answer that reaches the tag policy's value lists (generators/build-context.ts: policyTags), with
 * its path, so a problem is reported on the exact field. Role names (a pattern without "*"), stages and
 * confidentiality levels (fixed lists) are ami-wizard's own.
 */
export function policyValueFields(a: Answers): PolicyValueField[] {
  const p = a.project;
  const optional = (key: 'system' | 'owner' | 'costCenter'): PolicyValueField[] =>
    p[key] === undefined ? [] : [{ path: ['project', key], value: p[key] }];
  return [
    { path: ['project', 'name'], value: p.name },
    ...optional('system'),
    ...optional('owner'),
    ...optional('costCenter'),
    ...p.compliance.map((value, i) => ({ path: ['project', 'compliance', i], value })),
    ...Object.entries(a.tags).flatMap(([key, tag]) => [
      { path: ['tags', key, 'value'], value: tag.value },
      ...(tag.allowed ?? []).map((value, i) => ({ path: ['tags', key, 'allowed', i], value })),
    ]),
  ];
}

/**
 * AWS tag policies read "*" in an allowed value as a wildcard (one per value): owner "*" would let any
 * Owner through. No answer that reaches the policy may hold one
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_example-tag-policies.html).
 */
const noPolicyWildcard: AnswerRule = (a) => {
  const bad = policyValueFields(a).find((field) => field.value.includes('*'));
  if (!bad) return undefined;
  return {
    path: bad.path,
    message: 'tag policies read "*" as a wildcard that would let any value through; write the value without "*"',
  };
};

/** Where an entry's name is: the entry itself, or its name key. */
const namePath = (r: number, i: number, entry: SoftwareEntry): (string | number)[] => [
  'roles',
  r,
  'software',
  i,
  ...(typeof entry === 'string' ? [] : ['name']),
];

/** Each software entry in the grammar of the package manager of the chosen OS (package-names.ts). */
const packageNames: AnswerRule = (a) => {
  const grammar = packageGrammar(a.platform.os);
  for (const [r, role] of a.roles.entries()) {
    const bad = role.software.findIndex((entry) => !grammar.pattern.test(entryName(entry)));
    if (bad >= 0) {
      const entry = role.software[bad]!;
      return {
        path: namePath(r, bad, entry),
        message: `${JSON.stringify(entryName(entry))} is not ${grammar.noun} (${a.platform.os} installs packages with ${grammar.manager}); a package name is ${grammar.rule}`,
      };
    }
  }
  return undefined;
};

/** A role lists a package once: two entries could say two different things about it. */
const packagesOncePerRole: AnswerRule = (a) => {
  for (const [r, role] of a.roles.entries()) {
    const names = role.software.map(entryName);
    const again = names.findIndex((name, i) => names.indexOf(name) !== i);
    if (again >= 0) {
      return {
        path: namePath(r, again, role.software[again]!),
        message: `${JSON.stringify(names[again])} is already listed at roles[${r}].software[${names.indexOf(names[again]!)}]; list each package once per role (one entry with its installMinutes and changes)`,
      };
    }
  }
  return undefined;
};

/**
 * installMinutes and changes describe the package, not the role: where two roles list it, they may not
 * disagree. An entry that leaves one out takes the other's (placement.ts merges them).
 */
const packageFactsAgree: AnswerRule = (a) => {
  // Per package and key: the first value given, and the role that gave it.
  const given = new Map<string, { value: unknown; role: string }>();
  for (const [r, role] of a.roles.entries()) {
    for (const [i, entry] of role.software.entries()) {
      if (typeof entry === 'string') continue;
      for (const key of ['installMinutes', 'changes'] as const) {
        const value = entry[key];
        if (value === undefined) continue;
        const first = given.get(`${entry.name} ${key}`);
        if (!first) given.set(`${entry.name} ${key}`, { value, role: role.name });
        else if (first.value !== value) {
          return {
            path: ['roles', r, 'software', i, key],
            message:
              `${JSON.stringify(entry.name)} has ${key} ${JSON.stringify(first.value)} in role ${first.role} and ${JSON.stringify(value)} here; ` +
              `it is one package wherever it is listed: give it the same ${key}, or set ${key} in one role only`,
          };
        }
      }
    }
  }
  return undefined;
};

/** The Software tag holds at most 256 characters: each role image's, and the baseline's, which also names its agents. */
const SOFTWARE_TAG_LIMIT = 256;
const softwareTagsFit: AnswerRule = (a) => {
  const tooLong = a.roles.findIndex((role) => role.software.map(entryName).join(',').length > SOFTWARE_TAG_LIMIT);
  if (tooLong >= 0) {
    return {
      path: ['roles', tooLong, 'software'],
      message: `a role's software list must fit the ${SOFTWARE_TAG_LIMIT}-character Software tag; shorten or group the names`,
    };
  }
  // The packages every role lists go into the baseline (placement.ts), which also names its agents and
  // the configuration tool when the design runs it at boot: counted here as if it did.
  const baseline = [...MANAGEMENT_AGENTS, configToolFor(a), ...sharedPackages(a.roles)].join(',');
  if (baseline.length <= SOFTWARE_TAG_LIMIT) return undefined;
  return {
    path: ['roles'],
    message:
      `the packages every role lists (${sharedPackages(a.roles).join(', ')}) are baked into the shared baseline, whose Software tag ` +
      `also names its agents and must fit ${SOFTWARE_TAG_LIMIT} characters (it would have ${baseline.length}); shorten or group the names`,
  };
};

/** Tag policies compare keys without case: Team and team would be one statement with two meanings. */
const tagKeysDifferInCase: AnswerRule = (a) => {
  const seen = new Map<string, string>();
  for (const key of Object.keys(a.tags)) {
    const other = seen.get(key.toLowerCase());
    if (other !== undefined) {
      return {
        path: ['tags', key],
        message: `tag keys "${other}" and "${key}" differ only in case; AWS tag policies treat them as one key, so keep one`,
      };
    }
    seen.set(key.toLowerCase(), key);
  }
  return undefined;
};

/**
 * Image Builder puts at most 30 tags on a build instance, Name not among them
 * (https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateInfrastructureConfiguration.html),
 * and its build instances carry their image's tags as Packer's do: the guidance's but Name, the
 * lineage keys, Owner and the extra tags.
 */
const IMAGE_BUILDER_INSTANCE_TAGS = 30;
const instanceTagsFit: AnswerRule = (a) => {
  if (a.builder === 'packer') return undefined;
  const set = GUIDANCE_TAG_KEYS.length - 1 + LINEAGE_TAG_KEYS.length + (a.project.owner === undefined ? 0 : 1);
  const max = IMAGE_BUILDER_INSTANCE_TAGS - set;
  if (Object.keys(a.tags).length <= max) return undefined;
  return {
    path: ['tags'],
    message:
      `with builder ${a.builder}, at most ${max} extra tags: EC2 Image Builder puts at most ${IMAGE_BUILDER_INSTANCE_TAGS} tags on a build ` +
      `instance and ami-wizard sets ${set}${a.project.owner === undefined ? '' : ' (project.owner included)'}; remove some, or set builder: packer`,
  };
};

/** Every region the images must be in appears once: platform.regions, then options.copyToRegions. */
const regionsOnce: AnswerRule = (a) => {
  const seen = new Set<string>();
  for (const [field, list] of [
    ['regions', a.platform.regions],
    ['copyToRegions', a.options.copyToRegions],
  ] as const) {
    for (const [i, region] of list.entries()) {
      if (seen.has(region)) {
        return field === 'regions'
          ? {
              path: ['platform', 'regions', i],
              message: `${region} is listed twice; list each region the images must be in once`,
            }
          : {
              path: ['options', 'copyToRegions', i],
              message: `${region} is already in platform.regions (every region after the first gets a copy); remove it here`,
            };
      }
      seen.add(region);
    }
  }
  return undefined;
};

/** The regions the images are copied to: platform.regions after the build region, then copyToRegions. */
export const copyRegions = (a: Answers): string[] => [...a.platform.regions.slice(1), ...a.options.copyToRegions];

/**
 * A key id or ARN names a key in one region: copies elsewhere need their own key, or EC2 encrypts them
 * with that region's default aws/ebs key, which cannot be shared. An alias is looked up in each region.
 */
const keyPerCopyRegion: AnswerRule = (a) => {
  const { kmsKeyId, regionKmsKeyIds = {} } = a.options;
  const copies = copyRegions(a);
  const stray = Object.keys(regionKmsKeyIds).find((r) => !copies.includes(r));
  if (stray)
    return {
      path: ['options', 'regionKmsKeyIds', stray],
      message: `${stray} is not a copy region (platform.regions after the first, or options.copyToRegions); remove its key`,
    };
  if (!a.options.encryption || !kmsKeyId || kmsKeyId.startsWith('alias/')) return undefined;
  const missing = copies.find((r) => !Object.hasOwn(regionKmsKeyIds, r));
  if (!missing) return undefined;
  return {
    path: ['options', 'regionKmsKeyIds'],
    message: `options.kmsKeyId names a key in one region; give options.regionKmsKeyIds a key for ${missing} (and every copy region), or use an alias/NAME that exists in each region`,
  };
};

/** An image is deprecated first, then deleted. */
const deleteAfterDeprecation: AnswerRule = (a) => {
  const { deleteAfterDays, deprecateAfterDays } = a.options;
  if (deleteAfterDays === undefined || deleteAfterDays > deprecateAfterDays) return undefined;
  return {
    path: ['options', 'deleteAfterDays'],
    message: `${deleteAfterDays} days would delete images no later than they are deprecated at options.deprecateAfterDays (${deprecateAfterDays}); set it above ${deprecateAfterDays}, or leave it out for a year after deprecation`,
  };
};

/** Packer's Session Manager tunnel carries SSH only (the platform catalogue's communicator). */
const sessionManagerNeedsSsh: AnswerRule = (a) => {
  const platform = platformOf(a.platform.os);
  if (!a.options.sessionManager || platform.communicator === 'ssh') return undefined;
  return {
    path: ['options', 'sessionManager'],
    message: `Packer tunnels only SSH through Session Manager, and ${FAMILY_LABELS[platform.family]} builds connect over WinRM; remove options.sessionManager for ${a.platform.os}`,
  };
};

/** The OS publishes images for the architecture (the platform catalogue's architectures). */
const architectureHasImages: AnswerRule = (a) => {
  const { os, architecture } = a.platform;
  if (hasArchitecture(os, architecture)) return undefined;
  return {
    path: ['platform', 'architecture'],
    message: `${os} has no ${architecture} images; set platform.architecture to ${orList(platformOf(os).architectures)}`,
  };
};

/** The configuration tool runs on the OS (the platform catalogue's configTools). */
const configToolRuns: AnswerRule = (a) => {
  const tool = a.configManagement;
  if (tool === undefined || runsConfigTool(a.platform.os, tool)) return undefined;
  const platform = platformOf(a.platform.os);
  const others = platform.configTools.map((t) =>
    t === 'shell' && platform.family === 'windows' ? 'shell (PowerShell)' : t,
  );
  return {
    path: ['configManagement'],
    message: `${tool === 'ansible' ? 'ansible-pull' : tool} does not run on ${FAMILY_LABELS[platform.family]}; set configManagement to ${orList(others)}`,
  };
};

export const ANSWER_RULES: readonly AnswerRule[] = [
  deleteAfterDeprecation,
  regionsOnce,
  keyPerCopyRegion,
  sessionManagerNeedsSsh,
  // Packer pauses a build for the manual steps (a breakpoint); an Image Builder pipeline builds, tests
  // and distributes with nobody there, so its images would silently lack them.
  rule(
    (a) => !(a.guidance.manualSteps && a.builder !== 'packer'),
    'guidance.manualSteps says some steps must be done by hand before capture, and EC2 Image Builder cannot pause a build ' +
      'for them (its images would ship without them); set builder: packer (its builds pause for the steps), or automate ' +
      'the steps in config/ and set guidance.manualSteps: false',
    ['builder'],
  ),
  rule(
    (a) => new Set(a.roles.map((r) => r.name)).size === a.roles.length,
    'role names must be unique; rename the repeated role',
    ['roles'],
  ),
  architectureHasImages,
  configToolRuns,
  rule(
    (a) => !(platformOf(a.platform.os).family === 'windows' && a.options.puppetDistribution === 'puppet-core'),
    'Puppet Core is generated for Linux images only (its Windows installer needs an authenticated download); remove options.puppetDistribution or use Linux',
    ['options', 'puppetDistribution'],
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
  instanceTagsFit,
  rule(
    (a) => {
      const { encryption, kmsKeyId, shareWith } = a.options;
      const shared =
        shareWith.accounts.length + shareWith.organizations.length + shareWith.organizationalUnits.length > 0;
      return !(encryption && shared && !kmsKeyId);
    },
    'sharing an encrypted image needs a customer-managed KMS key (the default EBS key cannot be shared); set options.kmsKeyId',
    ['options', 'kmsKeyId'],
  ),
  noPolicyWildcard,
  packageNames,
  packagesOncePerRole,
  packageFactsAgree,
  softwareTagsFit,
];
