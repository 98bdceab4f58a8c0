// Each design in words: the paragraph README.md and decision.md open with, what its images hold and
// what happens at first boot (the trade-offs, the recommendation, the workshop's spectrum), and its
// three short notes on the spectrum. One table, so every place describes a design the same way.
import type { Design } from './questions.ts';

export interface DesignDescription {
  summary: string;
  bakedIn: string;
  atBoot: string;
  /** Under its name on the spectrum, in at most 20 characters each. */
  spectrumNotes: readonly [string, string, string];
}

export const DESIGN_DESCRIPTIONS: Record<Design, DesignDescription> = {
  'fully-baked': {
    summary:
      'Every role gets a complete image: operating system, agents, middleware, the application and its configuration. ' +
      'Instances start serving as soon as they boot; at launch they only read a few settings from user data.',
    bakedIn: 'OS, agents, middleware, the application and its configuration',
    atBoot: 'read user data for small per-environment settings',
    spectrumNotes: ['all software baked', 'fastest launch', 'most images'],
  },
  hybrid: {
    summary:
      'A shared baseline image carries the operating system, security baseline and management agents, and each role image adds its middleware. ' +
      'At first boot the bootstrap pulls the latest application build and its configuration.',
    bakedIn: 'OS, security baseline, management agents, role middleware',
    atBoot: 'pull the latest application build and its configuration',
    spectrumNotes: ['base baked in', 'app added at boot', 'base + roles'],
  },
  jeos: {
    summary:
      'One minimal image carries the operating system and the configuration-management agent. ' +
      'At first boot the agent installs and configures everything the role needs.',
    bakedIn: 'a minimal OS and the configuration-management agent',
    atBoot: 'the agent installs and configures everything',
    spectrumNotes: ['minimal OS + agent', 'built at boot', 'one image'],
  },
};
