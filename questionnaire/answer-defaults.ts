// Every default of the answers file, in one object: the zod schema (answer-fields.ts) fills a
// missing field from it, and the wizard's screens (source/wizard/steps-*.ts) preselect it, so a run
// of Enters gives what an answers file that leaves the field out gives
// (test/questionnaire/answer-defaults.test.ts). The guidance questions' defaults are the questions'
// own (questions.ts), and the default OS is the platform catalogue's (platforms.ts).
import type { Architecture, Builder, CONFIDENTIALITY, STAGES } from './answer-values.ts';
import { DEFAULT_OS } from './platforms.ts';
import type { OperatingSystem } from './platforms.ts';

export type Stage = (typeof STAGES)[number];
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export interface AnswerDefaults {
  project: { stage: Stage; confidentiality: Confidentiality; compliance: string[] };
  platform: { os: OperatingSystem; architecture: Architecture; regions: string[] };
  roles: { name: string; software: [] }[];
  strategy: 'auto';
  builder: Builder;
  tags: Record<string, never>;
  options: {
    encryption: boolean;
    shareWith: { accounts: string[]; organizations: string[]; organizationalUnits: string[] };
    copyToRegions: string[];
    deprecateAfterDays: number;
    keepImages: number;
    enforceTagsOnInstances: boolean;
    manualCaptureSteps: string[];
  };
}

export const ANSWER_DEFAULTS: AnswerDefaults = {
  project: { stage: 'dev', confidentiality: 'internal', compliance: [] },
  platform: { os: DEFAULT_OS, architecture: 'x86_64', regions: ['us-east-1'] },
  roles: [{ name: 'app', software: [] }],
  strategy: 'auto',
  builder: 'packer',
  tags: {},
  options: {
    encryption: true,
    shareWith: { accounts: [], organizations: [], organizationalUnits: [] },
    copyToRegions: [],
    deprecateAfterDays: 365,
    keepImages: 3,
    enforceTagsOnInstances: false,
    manualCaptureSteps: [],
  },
};
