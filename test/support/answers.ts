// Answers for tests: the minimal valid file, and helpers to write variants.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const MINIMAL_YAML = `version: 1
project:
  name: demo
guidance:
  recoveryTime: tens-of-minutes
  baselineStability: monthly
  appReleaseCadence: weekly
  manualSteps: false
  onPremises: false
  existingTooling: none
  automationExperience: some
  distinctConfigurations: few
  latestAtLaunch: false
`;

export function minimalAnswers(): Record<string, any> {
  return {
    version: 1,
    project: { name: 'demo' },
    guidance: {
      recoveryTime: 'tens-of-minutes',
      baselineStability: 'monthly',
      appReleaseCadence: 'weekly',
      manualSteps: false,
      onPremises: false,
      existingTooling: 'none',
      automationExperience: 'some',
      distinctConfigurations: 'few',
      latestAtLaunch: false,
    },
  };
}

export function tempDir(prefix = 'ami-wizard-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeAnswers(dir: string, answers: unknown, name = 'answers.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, typeof answers === 'string' ? answers : stringify(answers));
  return file;
}
