// What each design, question and answer value is called on screen and in the generated documents.
// One table per kind of value; the wizard's choices, the recommendation and decision.md all read
// them here.
import type { Architecture, Builder, CONFIDENTIALITY, STAGES } from './answer-values.ts';
import type { ConfigTool } from './config-tool.ts';
import type { Design, QuestionKey } from './questions.ts';

export const DESIGN_LABELS: Record<Design, string> = {
  'fully-baked': 'Fully baked',
  hybrid: 'Hybrid',
  jeos: 'JeOS (just enough OS)',
};

/** Where the full name does not fit: the score bars, the spectrum, the trade-off table, the board. */
export const SHORT_DESIGN_LABELS: Record<Design, string> = {
  'fully-baked': 'Fully baked',
  hybrid: 'Hybrid',
  jeos: 'JeOS',
};

/** A question in two or three words, where the full prompt does not fit. */
export const QUESTION_LABELS: Record<QuestionKey, string> = {
  recoveryTime: 'Recovery time',
  baselineStability: 'Baseline changes',
  appReleaseCadence: 'App releases',
  manualSteps: 'Manual steps',
  onPremises: 'On-premises too',
  existingTooling: 'Existing tooling',
  awsExperience: 'AWS experience',
  automationExperience: 'Automation skill',
  distinctConfigurations: 'Server roles',
  automatedPipeline: 'Image pipeline',
  latestAtLaunch: 'Latest at launch',
};

export const ARCHITECTURE_LABELS: Record<Architecture, string> = {
  x86_64: 'x86_64 (Intel and AMD)',
  arm64: 'arm64 (AWS Graviton)',
};

export const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  dev: 'Development',
  test: 'Test',
  staging: 'Staging',
  prod: 'Production',
};

export const CONFIDENTIALITY_LABELS: Record<(typeof CONFIDENTIALITY)[number], string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
};

export const BUILDER_LABELS: Record<Builder, string> = {
  packer: 'Packer',
  'image-builder': 'EC2 Image Builder',
  both: 'Packer and EC2 Image Builder',
};

export const CONFIG_TOOL_LABELS: Record<ConfigTool, string> = {
  ansible: 'Ansible (ansible-pull, agentless)',
  chef: 'Chef (chef-client in local mode)',
  puppet: 'Puppet (puppet apply)',
  salt: 'Salt (masterless salt-call)',
  shell: 'Shell scripts (bash, or PowerShell on Windows)',
};
