// The answers file's fields, described once: each key, its type, its allowed values, its default and
// its documentation. answers-schema.ts adds the rules across fields (answer-rules.ts) to make the
// schema every reader of an answers file checks; the rules take their types from here.
import * as z from 'zod/mini';
import { CONFIG_TOOLS } from './config-tool.ts';
import { ANSWER_DEFAULTS } from './answer-defaults.ts';
import {
  ARCHITECTURES,
  BUILDERS,
  CONFIDENTIALITY,
  CONTROL_CHARACTERS,
  DELETE_AFTER_DEPRECATION_DAYS,
  OPERATING_SYSTEMS,
  REGION_CODE,
  REGION_PATTERN,
  STAGES,
} from './answer-values.ts';
import { ANY_PACKAGE_NAME } from './package-names.ts';
import { CHANGE_RATES, PLACEMENT_LIMITS } from './placement.ts';
import { UNKNOWN_REGION, isKnownRegion } from './regions.ts';
import { DESIGNS, QUESTIONS, completeGuidance } from './questions.ts';
import type { GuidanceAnswers, Question } from './questions.ts';

const STRATEGIES = ['auto', ...DESIGNS] as const;

// Free text (names, tag values) reaches Markdown, HCL strings that Packer also renders as Go
// templates, JSON, YAML, CloudFormation, AWSTOE component documents and shell comments, each escaped
// for its language (generators/escape.ts). What no escape makes harmless everywhere is refused:
// control characters (a terminal acts on them), double braces, which Go templates, Jinja, AWSTOE
// variables and CloudFormation dynamic references ({{resolve:ssm:...}}, resolved with the deployer's
// permissions) all evaluate, and ${, which CloudFormation reads as a substitution wherever a string
// is under !Sub or Fn::Sub (cfn-lint E1029 flags it in the others), as HCL and shells do; no real
// name or tag value has them.
const NO_CONTROL = new RegExp(`^(?!.*\\{\\{)(?!.*\\}\\})(?!.*\\$\\{)[^${CONTROL_CHARACTERS}]*$`);
const NO_CONTROL_MESSAGE =
  'one line of text without control characters (line breaks, tabs, escape sequences, bidi overrides, invisible characters), ' +
  'without {{ or }} (template syntax, CloudFormation dynamic references) and without ${ (CloudFormation reads ${...} as a ' +
  'substitution, as Packer and shells do); write the $ and the { apart or leave them out';
const FREE_TEXT_NOTE = ' Free text, escaped for every file it lands in; control characters, {{, }} and ${ are refused.';
const line = (max: number) => z.string().check(z.maxLength(max), z.regex(NO_CONTROL, NO_CONTROL_MESSAGE));
const text = (max: number, description: string) =>
  line(max).check(z.minLength(1), z.describe(description + FREE_TEXT_NOTE));

// Tag keys: EC2 allows 1-128 characters and reserves the aws: prefix; we keep to the portable set.
// Tag keys an instance can also read from its metadata (instance metadata tags allow only letters,
// digits and + - = . _ : @, so no space or /). __proto__ (in any case: tag policies compare keys
// without case) would vanish into an object's prototype; @@ starts a tag-policy operator.
const TAG_KEY_PATTERN = /^(?!aws:)(?!@@)(?!__[pP][rR][oO][tT][oO]__$)[A-Za-z0-9+\-=._:@]{1,128}$/;
// Role names become file and folder names (config/shell/web.sh): Windows reserves these device
// names. "base" is the baseline image's own Role tag, which role images find their parent by.
const ROLE_NAME_PATTERN = /^(?!(?:con|prn|aux|nul|com[0-9]|lpt[0-9]|base)$)[a-z][a-z0-9-]{0,31}$/;
// A folder path in the repository: no empty, "." or ".." segment (nothing outside the repository).
const REPO_FOLDER_PATTERN = /^(\.|(?!\.\.?(\/|$))[A-Za-z0-9_.-]+(\/(?!\.\.?(\/|$))[A-Za-z0-9_.-]+)*)$/;

// The pattern says what a code looks like; the list (regions.ts) which codes AWS has. The unknown-region
// issue carries `params.region` so that readers word it with a did-you-mean (source/text/region-text.ts).
const region = z
  .string()
  .check(
    z.regex(REGION_PATTERN, { message: REGION_CODE, abort: true }),
    z.refine(isKnownRegion, { message: UNKNOWN_REGION, params: { region: true } }),
  );

function choiceOf<const V extends string>(q: Question<V>) {
  const values = q.choices.map((c) => c.value) as [V, ...V[]];
  return z.enum(values).check(z.describe(q.prompt));
}
const yesNo = (q: Question<boolean>) => z.boolean().check(z.describe(q.prompt));

const GuidanceSchema = z.strictObject({
  recoveryTime: choiceOf(QUESTIONS.recoveryTime),
  baselineStability: choiceOf(QUESTIONS.baselineStability),
  appReleaseCadence: choiceOf(QUESTIONS.appReleaseCadence),
  manualSteps: yesNo(QUESTIONS.manualSteps),
  onPremises: yesNo(QUESTIONS.onPremises),
  existingTooling: choiceOf(QUESTIONS.existingTooling),
  // Added after version 1 files were written: a file without it reads as ADDED_QUESTIONS says.
  awsExperience: z.optional(
    z
      .enum(QUESTIONS.awsExperience.choices.map((c) => c.value) as ['new', 'some', 'experienced'])
      .check(
        z.describe(
          `${QUESTIONS.awsExperience.prompt} Default: the automationExperience answer (one question asked both before).`,
        ),
      ),
  ),
  automationExperience: choiceOf(QUESTIONS.automationExperience),
  distinctConfigurations: choiceOf(QUESTIONS.distinctConfigurations),
  automatedPipeline: z.optional(z.boolean().check(z.describe(`${QUESTIONS.automatedPipeline.prompt} Default: false.`))),
  latestAtLaunch: yesNo(QUESTIONS.latestAtLaunch),
});

const ProjectSchema = z.strictObject({
  name: text(128, 'Project name; used for the Project and Name tags and the image names.'),
  system: z.optional(text(256, 'The IT or application system the images belong to (System tag).')),
  owner: z.optional(text(256, 'Team or person that owns the images (Owner tag).')),
  costCenter: z.optional(text(256, 'Cost center or business unit (CostCenter tag).')),
  stage: z._default(
    z
      .enum(STAGES)
      .check(
        z.describe(
          'The stage instances run in unless their Stage tag says otherwise (the bootstrap reads secrets under it). ' +
            'Images themselves are born at the first stage (dev) and promoted with make promote.',
        ),
      ),
    ANSWER_DEFAULTS.project.stage,
  ),
  confidentiality: z._default(
    z.enum(CONFIDENTIALITY).check(z.describe('Data confidentiality level (Confidentiality tag).')),
    ANSWER_DEFAULTS.project.confidentiality,
  ),
  compliance: z._default(
    z.array(text(64, 'A compliance framework the images adhere to.')).check(z.maxLength(10)),
    ANSWER_DEFAULTS.project.compliance,
  ),
});

const PlatformSchema = z.strictObject({
  os: z._default(
    z.enum(OPERATING_SYSTEMS).check(z.describe('Operating system of the images.')),
    ANSWER_DEFAULTS.platform.os,
  ),
  architecture: z._default(
    z.enum(ARCHITECTURES).check(z.describe('CPU architecture.')),
    ANSWER_DEFAULTS.platform.architecture,
  ),
  regions: z._default(
    z
      .array(region)
      .check(
        z.minLength(1),
        z.describe(
          'Regions the images must be in: the first is the build region, the others get copies (as options.copyToRegions does).',
        ),
      ),
    ANSWER_DEFAULTS.platform.regions,
  ),
  instanceType: z.optional(
    z
      .string()
      .check(
        z.regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as t3.small'),
        z.describe('Instance type for image builds; defaults to a small type for the architecture.'),
      ),
  ),
});

// Package names keep to a grammar with no quote, brace, $, %, space or leading dash: they reach
// package-manager command lines, Ansible and Salt (Jinja), Chef, Puppet and PowerShell, inert in all.
const packageName = () =>
  z
    .string()
    .check(
      z.maxLength(128),
      z.regex(ANY_PACKAGE_NAME, 'a package name: letters, digits and . _ + : = ~ ^ -, starting with a letter or digit'),
    );
const PACKAGE_NAME_NOTE =
  "in the grammar of the OS's package manager (apt on Ubuntu, dnf on Amazon Linux and RHEL, Chocolatey on Windows). " +
  'Package names reach package-manager command lines, Ansible and Salt (Jinja), Chef, Puppet and PowerShell, so quotes, ' +
  'braces, $, %, spaces and a leading dash are refused rather than escaped.';
const { defaultInstallMinutes, maxInstallMinutes, defaultChanges, launchMaxMinutes, launchChanges } = PLACEMENT_LIMITS;

const PackageSchema = z.strictObject({
  name: packageName().check(z.describe(`The package, ${PACKAGE_NAME_NOTE}`)),
  installMinutes: z.optional(
    z
      .int()
      .check(
        z.minimum(0),
        z.maximum(maxInstallMinutes),
        z.describe(
          `How many minutes downloading, installing and configuring it takes (0 to ${maxInstallMinutes}; default ${defaultInstallMinutes}). ` +
            `In a hybrid design a package that installs in more than ${launchMaxMinutes} minutes is baked into the role image, to keep launches fast.`,
        ),
      ),
  ),
  changes: z.optional(
    z
      .enum(CHANGE_RATES)
      .check(
        z.describe(
          `How often a new version is wanted (default ${defaultChanges}). In a hybrid design a package that changes ` +
            `${launchChanges.join(' or ')} and installs within ${launchMaxMinutes} minutes is installed at first boot, so a new ` +
            'version needs no image build; the others are baked in.',
        ),
      ),
  ),
});

const RoleSchema = z.strictObject({
  name: z
    .string()
    .check(
      z.regex(
        ROLE_NAME_PATTERN,
        'lower-case letters, digits and dashes, starting with a letter (at most 32); not base (the baseline image) nor a name Windows reserves (con, nul, aux, prn, com0-9, lpt0-9)',
      ),
      z.describe('Server role, for example web or worker (Role tag).'),
    ),
  software: z._default(
    z
      .array(
        z.union([
          packageName().check(z.describe(`A package the role needs, ${PACKAGE_NAME_NOTE}`)),
          PackageSchema.check(
            z.describe(
              'A package the role needs, with what decides where it goes (decision.md, "What goes where"): a package every ' +
                'role lists is baked into the shared baseline; in a hybrid design one that changes often and installs quickly ' +
                'is installed at first boot, the others are baked into the role image.',
            ),
          ),
        ]),
      )
      .check(
        z.maxLength(50),
        z.describe(
          'The packages the role needs: each a package name, or {name, installMinutes, changes}. List a package once per role.',
        ),
      ),
    [],
  ),
});

const ExtraTagSchema = z.strictObject({
  value: line(256).check(z.describe(`Value applied to the images built from this file.${FREE_TEXT_NOTE}`)),
  allowed: z.optional(
    z.array(line(256)).check(z.describe(`Values the tag policy accepts; defaults to [value].${FREE_TEXT_NOTE}`)),
  ),
});

// The forms Packer's amazon-ebs builder accepts. Packer also renders kms_key_id as a Go template
// (inside launch_block_device_mappings twice), so the pattern keeps every `{{` out.
const KMS_KEY_PATTERN =
  /^([a-f0-9-]+|alias\/[A-Za-z0-9:/_-]+|arn:aws[a-z-]*:kms:[a-z0-9-]*:\d{12}:(key\/[a-f0-9-]+|alias\/[A-Za-z0-9:/_-]+))$/;

const OptionsSchema = z.strictObject({
  encryption: z._default(
    z.boolean().check(z.describe('Encrypt the image volumes.')),
    ANSWER_DEFAULTS.options.encryption,
  ),
  kmsKeyId: z.optional(
    z
      .string()
      .check(
        z.maxLength(2048),
        z.regex(KMS_KEY_PATTERN, 'a KMS key id, key ARN, alias/NAME or alias ARN'),
        z.describe('KMS key id, ARN or alias/NAME in the build region; default: the EBS default key.'),
      ),
  ),
  shareWith: z._default(
    z
      .strictObject({
        accounts: z._default(
          z.array(z.string().check(z.regex(/^\d{12}$/, 'a 12-digit AWS account id'))),
          ANSWER_DEFAULTS.options.shareWith.accounts,
        ),
        organizations: z._default(
          z.array(
            z
              .string()
              .check(
                z.regex(
                  /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/,
                  'an organization ARN',
                ),
              ),
          ),
          ANSWER_DEFAULTS.options.shareWith.organizations,
        ),
        organizationalUnits: z._default(
          z.array(
            z
              .string()
              .check(
                z.regex(
                  /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/,
                  'an organizational unit ARN',
                ),
              ),
          ),
          ANSWER_DEFAULTS.options.shareWith.organizationalUnits,
        ),
      })
      .check(
        z.describe(
          'Accounts, organizations and OUs an image is shared with when it is promoted past dev (make promote, or ' +
            'imagebuilder/promote-image.sh): builds keep their images private.',
        ),
      ),
    ANSWER_DEFAULTS.options.shareWith,
  ),
  copyToRegions: z._default(
    z.array(region).check(z.describe('More regions the images are copied to, after platform.regions.')),
    ANSWER_DEFAULTS.options.copyToRegions,
  ),
  regionKmsKeyIds: z.optional(
    z
      .record(
        region,
        z.string().check(z.maxLength(2048), z.regex(KMS_KEY_PATTERN, 'a KMS key id, key ARN, alias/NAME or alias ARN')),
      )
      .check(
        z.describe(
          'KMS key for each copy region, when kmsKeyId is a key id or ARN (an alias/NAME is looked up in every region). ' +
            "Without one, a copy is encrypted with the region's default aws/ebs key, which cannot be shared.",
        ),
      ),
  ),
  deprecateAfterDays: z._default(
    z.int().check(z.minimum(1), z.maximum(3650), z.describe('Mark images deprecated this many days after the build.')),
    ANSWER_DEFAULTS.options.deprecateAfterDays,
  ),
  // Image Builder's lifecycle rule keeps at most 10 images (RetainAtLeast:
  // https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_LifecyclePolicyDetailFilter.html).
  keepImages: z._default(
    z
      .int()
      .check(
        z.minimum(1),
        z.maximum(10),
        z.describe(
          'Retention never removes the newest this many builds of each image (the baseline and each role), in each region: ' +
            'the current one, the one to roll back to, and one more. At most 10 (what Image Builder can keep).',
        ),
      ),
    ANSWER_DEFAULTS.options.keepImages,
  ),
  deleteAfterDays: z.optional(
    z
      .int()
      .check(
        z.minimum(2),
        z.maximum(7000),
        z.describe(
          'Deregister images and delete their snapshots this many days after the build (make prune for Packer, the lifecycle ' +
            'policy for Image Builder), except the newest keepImages and any image promoted to prod; more than ' +
            `deprecateAfterDays. Default: deprecateAfterDays + ${DELETE_AFTER_DEPRECATION_DAYS}, a year in which a deprecated ` +
            'image can still be launched by id.',
        ),
      ),
  ),
  githubActions: z.optional(
    z
      .strictObject({
        roleArn: z
          .string()
          .check(
            z.regex(
              /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
              'an IAM role ARN such as arn:aws:iam::111122223333:role/ami-build',
            ),
            z.describe('Role the workflow assumes through GitHub OIDC (no stored keys).'),
          ),
        directory: z._default(
          z
            .string()
            .check(
              z.regex(
                REPO_FOLDER_PATTERN,
                'a relative folder path inside the repository such as build/ami (no . or .. segments)',
              ),
              z.describe('Where the generated folder sits in the repository.'),
            ),
          '.',
        ),
        repository: z.optional(
          z.string().check(
            // GitHub's own rules: an owner of letters, digits and single hyphens (at most 39), a name of
            // letters, digits, '.', '_' and '-' (at most 100). No wildcard can get through.
            z.regex(
              /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/,
              'a GitHub repository as OWNER/NAME such as acme/platform-images',
            ),
            z.refine((value) => !/\/\.{1,2}$/.test(value), 'a repository name other than . or ..'),
            z.describe(
              'The repository whose workflow may assume the role: iam/ trusts its build environment only, through GitHub OIDC.',
            ),
          ),
        ),
        environment: z._default(
          z
            .string()
            .check(
              z.regex(
                /^[A-Za-z0-9._-]{1,100}$/,
                'a GitHub environment name of letters, digits and . _ - such as ami-build',
              ),
              z.describe(
                'The protected GitHub environment the build job runs in; the OIDC role trusts this environment only.',
              ),
            ),
          'ami-build',
        ),
      })
      .check(
        z.describe('Add .github/workflows/ami-build.yml: validate on pull requests, build on schedule and on change.'),
      ),
  ),
  enforceTagsOnInstances: z._default(
    z
      .boolean()
      .check(
        z.describe(
          'The tag policy enforces its values on instances too, not only on images (it then constrains every team in the accounts it is attached to).',
        ),
      ),
    ANSWER_DEFAULTS.options.enforceTagsOnInstances,
  ),
  manualCaptureSteps: z._default(
    z
      .array(text(200, 'A step a person performs on the build instance before capture.'))
      .check(
        z.maxLength(20),
        z.describe(
          'With guidance.manualSteps: the steps that cannot be automated; the build pauses for them and decision.md lists them.',
        ),
      ),
    ANSWER_DEFAULTS.options.manualCaptureSteps,
  ),
  sessionManager: z.optional(
    z
      .strictObject({
        instanceProfile: z
          .string()
          .check(
            z.regex(/^[\w+=,.@-]{1,128}$/, 'an IAM instance profile name such as packer-build'),
            z.describe('Instance profile of the build instance; it needs AmazonSSMManagedInstanceCore.'),
          ),
      })
      .check(
        z.describe('Connect to the build instance through SSM Session Manager: no inbound port at all (Linux builds).'),
      ),
  ),
  puppetDistribution: z.optional(
    z
      .enum(['openvox', 'puppet-core'])
      .check(
        z.describe(
          "With configManagement puppet on Linux, which Puppet agent the images carry: openvox (default; Vox Pupuli's " +
            "community build, no account needed) or puppet-core (Perforce's licensed agent: the builds need a Forge API " +
            'key, from the Packer variable puppet_core_forge_key or the SSM SecureString /<project>/build/puppet-core-forge-key ' +
            'for Image Builder).',
        ),
      ),
  ),
  chocolateySource: z.optional(
    z
      .string()
      .check(
        z.maxLength(512),
        z.regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/, 'an https URL of a Chocolatey (NuGet) feed'),
        z.describe(
          'Windows: an internal Chocolatey feed to install from instead of the community feed (a supply-chain choice).',
        ),
      ),
  ),
  publishToSsm: z.optional(
    z
      .string()
      .check(
        z.regex(/^\/[A-Za-z0-9_.\-/]{1,900}[A-Za-z0-9_.-]$/, 'an SSM parameter path such as /web-shop/images'),
        z.describe(
          'SSM parameter path; each build writes its new image id to PATH/IMAGE/dev (for example /web-shop/images/base/dev), and make promote to PATH/IMAGE/STAGE.',
        ),
      ),
  ),
});

export const AnswersFields = z.strictObject({
  version: z.literal(1).check(z.describe('Answers file format version.')),
  project: ProjectSchema,
  platform: z._default(PlatformSchema, ANSWER_DEFAULTS.platform),
  roles: z._default(
    z.array(RoleSchema).check(z.minLength(1), z.maxLength(20), z.describe('Server roles; one role image per role.')),
    ANSWER_DEFAULTS.roles,
  ),
  guidance: GuidanceSchema,
  strategy: z._default(
    z.enum(STRATEGIES).check(z.describe('auto follows the recommendation; a design overrides it.')),
    ANSWER_DEFAULTS.strategy,
  ),
  builder: z._default(
    z
      .enum(BUILDERS)
      .check(
        z.describe(
          'The engine that builds the images: packer (packer/, run from your machine or CI), image-builder ' +
            '(imagebuilder/, a CloudFormation stack of EC2 Image Builder pipelines), or both from the same scripts. ' +
            'With guidance.manualSteps only packer: an Image Builder pipeline cannot pause a build for a person.',
        ),
      ),
    ANSWER_DEFAULTS.builder,
  ),
  configManagement: z.optional(
    z.enum(CONFIG_TOOLS).check(z.describe('Configuration-management tool; defaults from existingTooling.')),
  ),
  tags: z._default(
    z
      .record(
        z
          .string()
          .check(
            z.regex(
              TAG_KEY_PATTERN,
              'a tag key of letters, digits and + - = . _ : @ (what instance metadata tags allow: no space or /), not starting with aws: or @@ (and not __proto__)',
            ),
          ),
        ExtraTagSchema,
      )
      .check(z.describe('Extra required tags with their allowed values.')),
    ANSWER_DEFAULTS.tags,
  ),
  options: z._default(OptionsSchema, ANSWER_DEFAULTS.options),
});

/** The answers as zod reads them: the questions added since version 1 may be missing. */
export type ParsedAnswers = z.output<typeof AnswersFields>;
/** The answers every reader works with: completeAnswers has filled in the added questions. */
export type Answers = Omit<ParsedAnswers, 'guidance'> & { guidance: GuidanceAnswers };

/** Parsed answers with the guidance questions a file may leave out filled in (questions.ts ADDED_QUESTIONS). */
export function completeAnswers(parsed: ParsedAnswers): Answers {
  return { ...parsed, guidance: completeGuidance(parsed.guidance) };
}
export type AnswersInput = z.input<typeof AnswersFields>;
