// The guidance questions, as data. Each prompt, hint and "why it matters" paraphrases the AWS
// AMI-design guidance; the keys and values are the answers file's contract (README.md, The answers file).

export const DESIGNS = ['fully-baked', 'hybrid', 'jeos'] as const;
export type Design = (typeof DESIGNS)[number];

export interface Choice<V extends string | boolean> {
  value: V;
  label: string;
}

export interface Question<V extends string | boolean> {
  key: string;
  prompt: string;
  hint: string;
  why: string;
  choices: readonly Choice<V>[];
  defaultValue: V;
}

function question<const V extends string | boolean>(q: Question<V>): Question<V> {
  return q;
}

export const QUESTIONS = {
  recoveryTime: question({
    key: 'recoveryTime',
    prompt: 'How soon must a replacement instance, or extra capacity, be serving traffic?',
    hint: 'The time from launch to useful work when an instance fails or load rises.',
    why:
      'Everything not in the image has to be fetched and configured while the instance boots. ' +
      'A complete image starts serving soonest; a minimal one that builds itself at boot is the slowest ' +
      'way to replace a failed server or absorb a spike.',
    choices: [
      { value: 'minutes', label: 'Within a few minutes' },
      { value: 'tens-of-minutes', label: 'Within tens of minutes' },
      { value: 'hours', label: 'Hours are acceptable' },
    ],
    defaultValue: 'tens-of-minutes',
  }),
  baselineStability: question({
    key: 'baselineStability',
    prompt: 'How long does the baseline (OS, agents, middleware) stay unchanged?',
    hint: 'How often the layer beneath the application needs a new version.',
    why:
      'Whatever is baked in needs a new image each time it changes. A baseline that holds still for ' +
      'long stretches is cheap to bake; one that moves every week means frequent image rebuilds unless ' +
      'it is installed at boot instead.',
    choices: [
      { value: 'static', label: 'Static for months' },
      { value: 'monthly', label: 'Changes about monthly' },
      { value: 'weekly', label: 'Changes weekly or more' },
    ],
    defaultValue: 'monthly',
  }),
  appReleaseCadence: question({
    key: 'appReleaseCadence',
    prompt: 'How often does the application code change?',
    hint: 'Releases of the software that runs on top of the baseline.',
    why:
      'Code that changes often is better pulled at launch than baked in, so a release does not ' +
      'require a new image. Frequently changing code on top of a slowly changing base is where a ' +
      'partly baked image shines.',
    choices: [
      { value: 'rarely', label: 'Rarely (a few times a year)' },
      { value: 'weekly', label: 'About weekly' },
      { value: 'daily', label: 'Daily or continuously' },
    ],
    defaultValue: 'weekly',
  }),
  manualSteps: question({
    key: 'manualSteps',
    prompt: 'Does setting up a server need manual steps that cannot be automated?',
    hint: 'For example an installer that only runs interactively, or legacy software without automation.',
    why:
      'A manual step can be done once and captured in an image, but it cannot run unattended at boot. ' +
      'Legacy software with little automation fits poorly with building everything at launch.',
    choices: [
      { value: false, label: 'No, everything can be scripted' },
      { value: true, label: 'Yes, some steps are manual' },
    ],
    defaultValue: false,
  }),
  onPremises: question({
    key: 'onPremises',
    prompt: 'Must deployment stay simple across both AWS and on-premises servers?',
    hint: 'The same process for instances in AWS and machines in your own data centre.',
    why:
      'Images are specific to AWS; a configuration-management run is not. The less you bake, the more ' +
      'of the build is shared with servers outside AWS and the more portable the process is.',
    choices: [
      { value: false, label: 'No, AWS only' },
      { value: true, label: 'Yes, both must stay simple' },
    ],
    defaultValue: false,
  }),
  existingTooling: question({
    key: 'existingTooling',
    prompt: 'Which provisioning tool or process must this align with?',
    hint: 'What your team already uses to build or configure servers.',
    why:
      'Teams used to image-based deployments in their data centres find fully baked images familiar. ' +
      'Teams with a configuration-management tool can let it build instances at launch and keep the ' +
      'images small.',
    choices: [
      { value: 'none', label: 'None yet' },
      { value: 'golden-images', label: 'Golden images (VM templates)' },
      { value: 'shell-scripts', label: 'Shell scripts' },
      { value: 'ansible', label: 'Ansible' },
      { value: 'chef', label: 'Chef' },
      { value: 'puppet', label: 'Puppet' },
      { value: 'salt', label: 'Salt' },
    ],
    defaultValue: 'none',
  }),
  awsExperience: question({
    key: 'awsExperience',
    prompt: 'How experienced is the team with AWS?',
    hint: 'EC2, launch templates, instance metadata, IAM: how instances start and get their settings.',
    why:
      'Complete images resemble the virtual-server images many data centres deploy, so teams new to AWS ' +
      'usually start with them. Teams that build instances at launch typically know AWS well: how an ' +
      'instance boots, reads its user data and gets its permissions.',
    choices: [
      { value: 'new', label: 'New to AWS' },
      { value: 'some', label: 'Some experience' },
      { value: 'experienced', label: 'Experienced' },
    ],
    defaultValue: 'some',
  }),
  automationExperience: question({
    key: 'automationExperience',
    prompt: 'How experienced is the team with configuration automation?',
    hint: 'Ansible, Chef, Puppet, Salt or scripted builds: be honest, building at boot needs more of it than baking.',
    why:
      'An image that builds itself at launch is tightly coupled to a configuration-management system and ' +
      'depends on it running unattended every time. Teams new to automation usually start with complete ' +
      'images; experienced ones often prefer the flexibility of a minimal image.',
    choices: [
      { value: 'new', label: 'New to it' },
      { value: 'some', label: 'Some experience' },
      { value: 'experienced', label: 'Experienced' },
    ],
    defaultValue: 'some',
  }),
  distinctConfigurations: question({
    key: 'distinctConfigurations',
    prompt: 'How many distinct server configurations (roles) are there?',
    hint: 'Web server, worker, database... each different setup counts once.',
    why:
      'A complete image per role and per release multiplies quickly. With many roles, keeping one image ' +
      'per role becomes costly and slow to maintain; fewer, more generic images scale better.',
    choices: [
      { value: 'few', label: 'A few (1-3)' },
      { value: 'several', label: 'Several (4-10)' },
      { value: 'many', label: 'Many (more than 10)' },
    ],
    defaultValue: 'few',
  }),
  automatedPipeline: question({
    key: 'automatedPipeline',
    prompt: 'Will an automated pipeline build, test and retire the images?',
    hint: 'Scheduled or triggered builds, no hand-run steps: the Packer workflow or Image Builder pipelines this tool writes, or your own.',
    why:
      'Every change to software baked into an image needs a new image. Keeping one complete image per ' +
      'configuration is costly at scale unless an automated build and management system rebuilds and ' +
      'retires them; partly baked images need one too, only for fewer images.',
    choices: [
      { value: false, label: 'No, builds are run by hand' },
      { value: true, label: 'Yes, an automated pipeline' },
    ],
    defaultValue: false,
  }),
  latestAtLaunch: question({
    key: 'latestAtLaunch',
    prompt: 'Must new instances pick up the latest software builds and updates when they launch?',
    hint: 'Rather than the versions that were current when the image was built.',
    why:
      'An image freezes software at build time. Pulling the newest build or patches at launch needs ' +
      'some of the installation to happen at boot.',
    choices: [
      { value: false, label: 'No, the image versions are fine' },
      { value: true, label: 'Yes, always the latest' },
    ],
    defaultValue: false,
  }),
} as const;

export type QuestionKey = keyof typeof QUESTIONS;
export const QUESTION_KEYS = Object.keys(QUESTIONS) as QuestionKey[];

type ValueOf<K extends QuestionKey> = (typeof QUESTIONS)[K]['choices'][number]['value'];
export type GuidanceAnswers = { [K in QuestionKey]: ValueOf<K> };

export function defaultGuidance(): GuidanceAnswers {
  const out: Record<string, string | boolean> = {};
  for (const key of QUESTION_KEYS) out[key] = QUESTIONS[key].defaultValue;
  return out as GuidanceAnswers;
}

export function choiceLabel(key: QuestionKey, value: string | boolean): string {
  const choices: readonly Choice<string | boolean>[] = QUESTIONS[key].choices;
  return choices.find((c) => c.value === value)?.label ?? String(value);
}

/**
 * Questions an answers file may leave out because earlier releases did not ask them, and what the
 * file means without them: one experience question used to cover AWS and automation alike, and no
 * file said it had a pipeline.
 */
export const ADDED_QUESTIONS = {
  awsExperience: (
    guidance: Omit<GuidanceAnswers, 'awsExperience' | 'automatedPipeline'>,
  ): GuidanceAnswers['awsExperience'] => guidance.automationExperience,
  automatedPipeline: (): GuidanceAnswers['automatedPipeline'] => false,
} as const;

export type AddedQuestion = keyof typeof ADDED_QUESTIONS;

/** The guidance answers with the questions a file left out filled in as ADDED_QUESTIONS says. */
export function completeGuidance(
  guidance: Omit<GuidanceAnswers, AddedQuestion> & Partial<Pick<GuidanceAnswers, AddedQuestion>>,
): GuidanceAnswers {
  return {
    ...guidance,
    awsExperience: guidance.awsExperience ?? ADDED_QUESTIONS.awsExperience(guidance),
    automatedPipeline: guidance.automatedPipeline ?? ADDED_QUESTIONS.automatedPipeline(),
  };
}
