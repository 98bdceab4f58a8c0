// .github/workflows/ami-build.yml as a security review reads it (issue 19): the OIDC token only where
// AWS is called, the build in a protected environment the IAM role trusts, every action pinned to a
// commit from one list. actionlint is not installed here, so the structure is checked against the
// workflow syntax GitHub documents (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions).
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PINNED_ACTIONS } from '../../generators/pinned-actions.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ami-build';
const WORKFLOW = '.github/workflows/ami-build.yml';

async function workflowFor(
  githubActions: Record<string, unknown>,
  patch: (a: Record<string, any>) => void = () => undefined,
) {
  const a = minimalAnswers();
  a.options = { githubActions: { roleArn: ROLE, ...githubActions } };
  patch(a);
  const file = (await generate(answersFrom(a))).find((f) => f.path === WORKFLOW);
  if (!file) throw new Error(`${WORKFLOW} was not generated`);
  return { text: file.contents, workflow: parseYaml(file.contents) as Record<string, any> };
}

// The keys GitHub's workflow syntax allows at each level (the subset a generated workflow may use).
const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const JOB_KEYS = [
  'name',
  'permissions',
  'needs',
  'if',
  'runs-on',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
];
const STEP_KEYS = [
  'id',
  'if',
  'name',
  'uses',
  'run',
  'working-directory',
  'shell',
  'with',
  'env',
  'continue-on-error',
  'timeout-minutes',
];

describe('the GitHub workflow', () => {
  it('grants id-token: write to the build job only; the workflow and the pull-request job read contents only', async () => {
    const { workflow } = await workflowFor({});
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.validate.permissions).toBeUndefined();
    // A job's permissions replace the workflow's: contents: read is repeated, nothing else is added.
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    for (const [name, job] of Object.entries(workflow.jobs as Record<string, any>)) {
      if (name !== 'build') expect(JSON.stringify(job.permissions ?? {}), name).not.toContain('id-token');
    }
  });

  it('the build job runs in the protected environment the role trusts (default ami-build), never on pull requests', async () => {
    expect((await workflowFor({})).workflow.jobs.build.environment).toBe('ami-build');
    const { workflow } = await workflowFor({ environment: 'images-prod', repository: 'acme/platform-images' });
    expect(workflow.jobs.build.environment).toBe('images-prod');
    expect(workflow.jobs.build.if).toBe("github.event_name != 'pull_request'");
    expect(workflow.jobs.validate.environment).toBeUndefined();
  });

  it('with manual capture steps there is no build job, and no job can ask for the token', async () => {
    const { text, workflow } = await workflowFor({}, (a) => {
      a.guidance.manualSteps = true;
      a.options.manualCaptureSteps = ['Activate the vendor licence'];
    });
    expect(Object.keys(workflow.jobs)).toEqual(['validate']);
    expect(text).not.toContain('id-token');
  });

  it('every uses: is owner/repo@<40-hex commit> # vX.Y.Z, from the one pinned list', async () => {
    const { text, workflow } = await workflowFor({});
    const pinned = new Set(Object.values(PINNED_ACTIONS).map((p) => `${p.action}@${p.sha} # ${p.version}`));
    const lines = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    const steps = Object.values(workflow.jobs as Record<string, any>).flatMap(
      (job) => job.steps as Record<string, any>[],
    );
    expect(lines.length).toBe(steps.filter((s) => s.uses !== undefined).length);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const match = /^\s*(?:-\s+)?uses: ([A-Za-z0-9-]+\/[A-Za-z0-9._-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+)$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(pinned.has(match![1]!), line).toBe(true);
    }
    // The YAML value is the bare reference: the tag is a comment, not part of it.
    for (const step of steps.filter((s) => s.uses !== undefined))
      expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('every action of the pinned list is used, and each entry says when and where it was checked', async () => {
    const { workflow } = await workflowFor({});
    const used = new Set(
      Object.values(workflow.jobs as Record<string, any>).flatMap((job) =>
        (job.steps as Record<string, any>[]).map((s) => s.uses).filter(Boolean),
      ),
    );
    for (const p of Object.values(PINNED_ACTIONS)) {
      expect(p.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(p.version).toMatch(/^v\d+\.\d+\.\d+$/);
      expect(p.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.source).toMatch(/^https:\/\/github\.com\//);
      expect(used.has(`${p.action}@${p.sha}`), p.action).toBe(true);
    }
  });

  it('checkout keeps no credentials in the working copy (nothing pushes)', async () => {
    const { workflow } = await workflowFor({});
    for (const job of Object.values(workflow.jobs as Record<string, any>)) {
      for (const step of (job.steps as Record<string, any>[]).filter((s) =>
        String(s.uses).startsWith('actions/checkout@'),
      )) {
        expect(step.with).toEqual({ 'persist-credentials': false });
      }
    }
  });

  it('follows the workflow syntax: known keys, each step runs or uses, jobs need existing jobs', async () => {
    for (const manual of [false, true]) {
      const { workflow } = await workflowFor({ directory: 'infra/ami' }, (a) => (a.guidance.manualSteps = manual));
      expect(WORKFLOW_KEYS).toEqual(expect.arrayContaining(Object.keys(workflow)));
      expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
      expect(workflow.on.schedule[0].cron).toMatch(/^(\S+ ){4}\S+$/);
      for (const [name, job] of Object.entries(workflow.jobs as Record<string, any>)) {
        expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
        expect(JOB_KEYS, name).toEqual(expect.arrayContaining(Object.keys(job)));
        expect(job['runs-on']).toBe('ubuntu-latest');
        for (const need of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs)).toContain(need);
        for (const step of job.steps as Record<string, any>[]) {
          expect(STEP_KEYS).toEqual(expect.arrayContaining(Object.keys(step)));
          expect(Number('uses' in step) + Number('run' in step), JSON.stringify(step)).toBe(1);
        }
      }
    }
  });
});

describe('README.md on the workflow', () => {
  it('names the environment to create and says to limit it to main', async () => {
    const a = minimalAnswers();
    a.options = { githubActions: { roleArn: ROLE, environment: 'images-prod' } };
    const readme = (await generate(answersFrom(a))).find((f) => f.path === 'README.md')!.contents.replace(/\s+/g, ' ');
    expect(readme).toContain('runs in the GitHub environment `images-prod`');
    expect(readme).toMatch(/limit its deployment branches to `main`/);
  });
});
