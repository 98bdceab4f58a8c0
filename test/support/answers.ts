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

/**
 * A "billion laughs" YAML document: twelve anchors, each a list of nine aliases of the one before, so
 * resolving the last means 9^12 values. Nine and twelve are not counts of anything in ami-wizard:
 * any fan-out and depth whose product is far past the reader's alias limit will do.
 */
export function aliasBomb(): string {
  const FAN_OUT = 9;
  const DEPTH = 12;
  const name = (i: number) => String.fromCharCode(97 + i);
  const lines = [`a: &a [${Array(FAN_OUT).fill('x').join(', ')}]`];
  for (let i = 1; i < DEPTH; i++)
    lines.push(
      `${name(i)}: &${name(i)} [${Array(FAN_OUT)
        .fill(`*${name(i - 1)}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}
