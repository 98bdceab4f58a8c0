// The quick path (the compiled JSON Schema plus the shared rules) must agree with the zod schema on
// every input: accept exactly what zod accepts, and fill in exactly zod's defaults. A file it wrongly
// accepted would skip zod's checks; one it wrongly rejected would only be slower, but is a drift too.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { load } from 'js-yaml';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { checkAnswers } from '../../source/answers/quick-check.ts';
import { minimalAnswers } from '../support/answers.ts';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => load(readFileSync(new URL(f, examplesDir), 'utf8')) as Record<string, unknown>);

function bothAgree(input: unknown): void {
  const quick = checkAnswers(structuredClone(input));
  const full = z.safeParse(AnswersSchema, structuredClone(input));
  expect(quick !== undefined, JSON.stringify(input)).toBe(full.success);
  if (full.success) expect(quick).toEqual(full.data);
}

// Places in an answers file and values to put there: each limit, type and rule has a value on
// either side of it.
const PATHS = [
  'version',
  'project',
  'project.name',
  'project.system',
  'project.owner',
  'project.costCenter',
  'project.stage',
  'project.confidentiality',
  'project.compliance',
  'project.extra',
  'platform',
  'platform.os',
  'platform.architecture',
  'platform.regions',
  'platform.instanceType',
  'roles',
  'roles.0',
  'roles.0.name',
  'roles.0.software',
  'roles.0.software.0',
  'roles.0.software.0.installMinutes',
  'roles.0.software.0.changes',
  'roles.1',
  'roles.1.software',
  'guidance',
  'guidance.recoveryTime',
  'guidance.manualSteps',
  'guidance.existingTooling',
  'guidance.awsExperience',
  'guidance.automatedPipeline',
  'strategy',
  'configManagement',
  'tags',
  'tags.Team',
  'tags.Team.value',
  'tags.Team.allowed',
  'tags.name',
  'tags.aws:x',
  'options',
  'options.encryption',
  'options.kmsKeyId',
  'options.shareWith',
  'options.shareWith.accounts',
  'options.shareWith.organizations',
  'options.copyToRegions',
  'options.deprecateAfterDays',
  'options.githubActions',
  'options.githubActions.directory',
  'options.publishToSsm',
  'extra',
];
const long = (n: number, unit = 'a') => unit.repeat(n);
const VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  365,
  3650,
  3651,
  Number.POSITIVE_INFINITY,
  '',
  'a',
  'web',
  'Web',
  'a*b',
  long(128),
  long(129),
  long(256),
  long(257),
  long(64, '😀'),
  long(65, '😀'),
  long(128, '😀'),
  'eu-west-1',
  'mars-1',
  'x86_64',
  'arm64',
  'windows-server-2022',
  'ubuntu-24.04',
  'ansible',
  'chef',
  'hybrid',
  'auto',
  'hours',
  'prod',
  '111122223333',
  'arn:aws:iam::111122223333:role/ami-build',
  'alias/images',
  '/web-shop/images',
  'build/ami',
  '../up',
  't3.small',
  'pay ${AWS::AccountId}',
  '$ {x}',
  '{$x}',
  '$$',
  'x {{y',
  'x }}',
  [],
  ['eu-west-1'],
  ['eu-west-1', 'us-east-1'],
  ['a', 'a'],
  ['x*'],
  [long(200), long(100)],
  [{ name: 'web' }],
  [{ name: 'web' }, { name: 'web' }],
  [{ name: 'web', software: ['nginx'] }, { name: 'worker' }],
  ['111122223333'],
  // roles[].software entries as mappings: placement's inputs, each bound on either side.
  { name: 'nginx' },
  { name: 'nginx', installMinutes: 30, changes: 'daily' },
  { name: 'nginx', changes: 'hourly' },
  { installMinutes: 2 },
  [{ name: 'nginx', changes: 'weekly' }, 'curl'],
  [{ name: 'nginx', installMinutes: 3 }],
  ['nginx', { name: 'nginx' }],
  'daily',
  240,
  241,
  {},
  { value: 'x' },
  { value: 'x', allowed: ['x', 'y'] },
  { value: 'x', extra: 1 },
  { accounts: ['111122223333'] },
  { roleArn: 'arn:aws:iam::111122223333:role/ami-build' },
  Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`K${i}`, { value: 'v' }])),
];

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: any = root;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = /^\d+$/.test(part) ? [] : {};
    node = node[part];
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

const bases = [minimalAnswers(), ...examples];
const edits = fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...VALUES)), { minLength: 1, maxLength: 3 });

describe('quick check and zod agree', () => {
  it('on the minimal file and every example', () => {
    for (const base of bases) {
      expect(checkAnswers(structuredClone(base))).toBeDefined();
      bothAgree(base);
    }
  });

  it('on thousands of edited files: values across every limit, type and rule', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), edits, (base, changes) => {
        const input = structuredClone(base);
        for (const [path, value] of changes) setPath(input, path, value);
        bothAgree(input);
        if (checkAnswers(structuredClone(input))) accepted++;
      }),
      { numRuns: 5000, seed: 20261126 },
    );
    // Both sides of the line were exercised (the seed is fixed, so these counts are too).
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(4900);
  });

  it('on values that are not answers files at all', () => {
    for (const input of [null, 1, 'version: 1', [], [minimalAnswers()], { version: 2 }]) bothAgree(input);
  });
});

describe('a file written before awsExperience and automatedPipeline existed', () => {
  it('reads them as its automationExperience and false, on the quick path and through zod alike', () => {
    for (const experience of ['new', 'some', 'experienced'] as const) {
      const old = minimalAnswers();
      old.guidance.automationExperience = experience;
      expect(old.guidance.awsExperience).toBeUndefined();
      bothAgree(old);
      const quick = checkAnswers(structuredClone(old))!;
      expect(quick.guidance.awsExperience).toBe(experience);
      expect(quick.guidance.automatedPipeline).toBe(false);
    }
  });

  it('a file that gives them keeps its own values', () => {
    const file = minimalAnswers();
    Object.assign(file.guidance, {
      automationExperience: 'experienced',
      awsExperience: 'new',
      automatedPipeline: true,
    });
    bothAgree(file);
    const quick = checkAnswers(structuredClone(file))!;
    expect([quick.guidance.awsExperience, quick.guidance.automatedPipeline]).toEqual(['new', true]);
  });
});
