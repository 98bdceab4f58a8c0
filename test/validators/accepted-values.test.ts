// Every value the answers schema accepts stays inert in every language that reads the generated
// files, and every generated file stays clean for its own checker. The values are drawn at random
// (fast-check, fixed seed) from an alphabet dense in each language's syntax and the payloads that
// would run: shell substitutions, Jinja, ERB, Ruby and Puppet interpolation, PowerShell
// subexpressions, HCL and Go templates, typographic quotes and backslashes. Folders are generated
// in-process, then each real tool checks all of them in one run.
import { constants, copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { CONTROL_CHARACTERS, OPERATING_SYSTEMS } from '../../questionnaire/answer-values.ts';
import { CONFIG_TOOLS } from '../../questionnaire/config-tool.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import { packageGrammar } from '../../questionnaire/package-names.ts';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { generate, writeFiles } from '../support/generate.ts';
import { formatChanges, hasJinja, renderJinja } from '../support/jinja.ts';
import { formatProblems, loadPowerShell, userDataScript } from '../support/powershell.ts';
import { puppetValidate } from '../support/puppet.ts';
import { rubyEvaluatedStrings, rubySyntax } from '../support/ruby.ts';
import { hasTool, run } from '../support/tools.ts';
import { checkTemplate, parseTemplate } from '../support/cfn-spec.ts';
import { checkComponentDocument } from '../support/awstoe.ts';
import { CFN_LINT_MS, cfnLint, isCfnTemplate } from '../support/cfn-lint.ts';

const MARKER = '/tmp/ami-wizard-accepted-values-marker';
const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);
const PAYLOADS = [
  `$(touch ${MARKER})`,
  `\`touch ${MARKER}\``,
  `{{ lookup('pipe', 'touch ${MARKER}') }}`,
  `{% raw %}`,
  `{# x #}`,
  `<%= system('touch ${MARKER}') %>`,
  `#{system('touch ${MARKER}')}`,
  `$facts['x']`,
  `$(New-Item ${MARKER})`,
  '$var.region{x}',
  '%{ if true }',
  '{{ .SourceAMI }}',
  '{{"{{"}}',
  "\\'",
  "it's",
  '‘’“”',
  '\\',
  '"',
  "'",
  '`',
  '$',
  '%',
];
// Syntax of every target language, one character at a time, plus ordinary text.
const SYNTAX = [...'${}%\\"\'`#!&|;<>()[]*?~^=:@/+,. -_'];
const freeText = (max: number) =>
  fc
    .oneof(
      fc.constantFrom(...PAYLOADS),
      fc.string({
        unit: fc.constantFrom(...SYNTAX, 'a', 'Z', '0', 'é', '😀', '\u2018', '\u2019', '\u201c'),
        minLength: 1,
        maxLength: 24,
      }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
    )
    .map((s) => s.slice(0, max))
    .filter((s) => s.length > 0 && !CONTROL.test(s) && !s.includes('*'));

const combo = fc.record({
  design: fc.constantFrom(...DESIGNS),
  os: fc.constantFrom(...OPERATING_SYSTEMS),
  tool: fc.constantFrom(...CONFIG_TOOLS),
  name: freeText(60),
  system: freeText(60),
  owner: freeText(60),
  costCenter: freeText(60),
  compliance: fc.array(freeText(40), { maxLength: 2 }),
  tagValue: freeText(60),
  tagAllowed: fc.array(freeText(40), { maxLength: 2 }),
  packages: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9+.-]{1,12}$/), { maxLength: 3 }),
  // Steps a person performs before capture: in Packer's breakpoint note, README.md and decision.md.
  manualCaptureSteps: fc.array(freeText(200), { maxLength: 2 }),
});

/** Random answers that the schema accepts (checked, not assumed). */
function acceptedAnswers(count: number): { name: string; input: unknown }[] {
  const cases: { name: string; input: unknown }[] = [];
  for (const [i, c] of fc.sample(combo, { numRuns: count * 3, seed: 20261128 }).entries()) {
    if (cases.length === count) break;
    const tool = c.os === 'windows-server-2022' && c.tool === 'ansible' ? 'shell' : c.tool;
    const a = minimalAnswers();
    a.strategy = c.design;
    a.configManagement = tool;
    a.platform = { os: c.os };
    a.project = { name: c.name, system: c.system, owner: c.owner, costCenter: c.costCenter, compliance: c.compliance };
    a.roles = [
      { name: 'web', software: c.packages.filter((p) => packageGrammar(c.os).pattern.test(p)) },
      { name: 'worker-1' },
    ];
    a.tags = { 'Team:x': { value: c.tagValue, allowed: [c.tagValue, ...c.tagAllowed] } };
    if (c.manualCaptureSteps.length > 0) {
      a.guidance.manualSteps = true;
      a.options = { manualCaptureSteps: c.manualCaptureSteps };
    }
    if (z.safeParse(AnswersSchema, a).success) cases.push({ name: `case-${i}-${c.design}-${tool}-${c.os}`, input: a });
  }
  return cases;
}

const CASES = acceptedAnswers(24);
const root = tempDir('ami-wizard-accepted-');
const folders = new Map<string, GeneratedFile[]>();
const all = (suffix: RegExp) =>
  [...folders].flatMap(([name, files]) =>
    files.filter((f) => suffix.test(f.path)).map((f) => join(root.dir, name, f.path)),
  );

beforeAll(async () => {
  for (const c of CASES) {
    const files = await generate(z.parse(AnswersSchema, c.input));
    folders.set(c.name, files);
    writeFiles(join(root.dir, c.name), files);
  }
});
afterAll(() => root.cleanup());

const hasShellcheck = hasTool('shellcheck');
const hasPacker = hasTool('packer', ['version']);
const hasRuby = hasTool('ruby');
const hasPuppet = hasTool('puppet');
const hasCfnLint = hasTool('cfn-lint');
const jinja = hasJinja();

describe('values the schema accepts', () => {
  it('cover every design, OS and tool often enough to mean something', () => {
    expect(CASES.length).toBe(24);
    const inputs = CASES.map((c) => c.input as Record<string, any>);
    expect(new Set(inputs.map((a) => a.strategy)).size).toBe(DESIGNS.length);
    expect(new Set(inputs.map((a) => a.platform.os)).size).toBe(OPERATING_SYSTEMS.length);
    expect(new Set(inputs.map((a) => a.configManagement)).size).toBe(CONFIG_TOOLS.length);
    expect(inputs.filter((a) => a.options?.manualCaptureSteps).length).toBeGreaterThan(4);
  });

  it.skipIf(!hasShellcheck)('leave every shell script clean for shellcheck (severity style) and bash -n', () => {
    const scripts = all(/\.sh$/);
    expect(scripts.length).toBeGreaterThan(0);
    const result = run('shellcheck', ['--shell=bash', '--severity=style', ...scripts]);
    expect(result.code, result.output).toBe(0);
    for (const script of scripts) expect(run('bash', ['-n', script]).code, script).toBe(0);
  });

  it('put -- before every package list a package manager reads', () => {
    for (const script of all(/\.sh$/)) {
      for (const line of readFileSync(script, 'utf8')
        .split('\n')
        .filter((l) => /PACKAGES\[@\]\}"$/.test(l))) {
        // apt_get: the build scripts' apt-get that waits for the dpkg lock (packer/partials/apt-lock-wait).
        expect(line, script).toMatch(
          /(apt-get|apt_get|dnf)( -o DPkg::Lock::Timeout=\d+)? -y install -- "\$\{PACKAGES\[@\]\}"$/,
        );
      }
    }
  });

  it.skipIf(!jinja)('render to themselves in Jinja, as Ansible and Salt read them; nothing runs', () => {
    const ansible = all(/config\/ansible\/.*\.yml$/);
    const salt = all(/config\/salt\/.*\.sls$/);
    for (const [files, mode] of [
      [ansible, 'ansible'],
      [salt, 'salt'],
    ] as const) {
      if (files.length === 0) continue;
      const report = renderJinja(files, mode);
      expect(report.markerCreated, report.calls.join('\n')).toBe(false);
      const changes = report.changes;
      expect(changes, formatChanges(changes, root.dir)).toEqual([]);
      expect(report.yamlErrors).toEqual([]);
    }
  });

  it.skipIf(!hasRuby)('parse as Ruby, with no string that runs code', () => {
    const files = all(/\.rb$/);
    if (files.length === 0) return;
    expect(rubySyntax(files)).toEqual([]);
    expect(rubyEvaluatedStrings(files)).toEqual([]);
  });

  it.skipIf(!hasPuppet)('parse as Puppet', () => {
    const files = all(/\.pp$/);
    if (files.length === 0) return;
    const result = puppetValidate(files);
    expect(result.problems, result.output).toEqual([]);
  });

  it('parse as PowerShell with no error node', async () => {
    const parse = await loadPowerShell();
    const files = all(/\.ps1$/);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const problems = parse(file.endsWith('winrm-listener.ps1') ? userDataScript(text) : text);
      expect(problems, `${file}\n${formatProblems(problems)}`).toEqual([]);
    }
  });

  // packer fmt formats each file on its own: one run over a copy of every folder's Packer files, each
  // named for its folder, checks what one run a folder would (half a second each, nearly all start-up).
  it.skipIf(!hasPacker)('stay packer fmt-canonical', () => {
    const together = join(root.dir, 'packer-fmt');
    mkdirSync(together);
    for (const name of folders.keys()) {
      const packerFiles = readdirSync(join(root.dir, name, 'packer')).filter((f) => /\.pkr(vars)?\.hcl$/.test(f));
      expect(packerFiles.length, name).toBeGreaterThan(0);
      for (const file of packerFiles)
        copyFileSync(join(root.dir, name, 'packer', file), join(together, `${name}--${file}`), constants.COPYFILE_EXCL);
    }
    const result = run('packer', ['fmt', '-check', '-diff', together]);
    expect(result.code, result.output).toBe(0);
  });

  it('never create the marker', () => {
    expect(run('test', ['-e', MARKER]).code).not.toBe(0);
  });
});

/**
 * The case built by Image Builder too. Image Builder cannot pause for manual steps, so the answers that
 * need them are refused with it (engine-parity-manual-steps.test.ts): their steps' text never reaches it.
 */
function withImageBuilder(input: Record<string, any>, builder: 'image-builder' | 'both'): Record<string, any> {
  const out = structuredClone(input);
  out.builder = builder;
  if (out.guidance.manualSteps) {
    out.guidance.manualSteps = false;
    delete out.options?.manualCaptureSteps;
  }
  return out;
}

describe('values the schema accepts, inside EC2 Image Builder (YAML inside YAML inside CloudFormation)', () => {
  const templates = () => CASES.map((c) => withImageBuilder(c.input as Record<string, any>, 'image-builder'));

  it('every layer reads back exactly what was written, and no !Sub names anything but the stack and AWS', async () => {
    for (const input of templates()) {
      const answers = z.parse(AnswersSchema, input);
      const files = await generate(answers);
      const text = files.find((f) => f.path === 'imagebuilder/image-builder.yaml')!.contents;
      const template = parseTemplate(text);
      expect(checkTemplate(template)).toEqual([]);
      for (const r of Object.values(template.Resources as Record<string, any>)) {
        if (r.Type === 'AWS::ImageBuilder::Component') {
          const { problems, steps } = checkComponentDocument(r.Properties.Data);
          expect(problems).toEqual([]);
          // The bootstrap the component creates is, byte for byte, the generated one.
          for (const step of steps.filter((s) => s.action === 'CreateFile')) {
            for (const created of step.inputs as { path: string; content: string }[]) {
              const generated = files.find((f) => created.path.endsWith(f.path.replace(/^(bootstrap|config)\//, '/')));
              expect(generated?.contents).toBe(created.content);
            }
          }
        }
        if (r.Type === 'AWS::ImageBuilder::DistributionConfiguration') {
          // Tag values hold the answers as written: free text stays data.
          expect(r.Properties.Distributions[0].AmiDistributionConfiguration.AmiTags.Project).toBe(answers.project.name);
        }
      }
      // ${...} is CloudFormation's own interpolation in !Sub: only names of the stack and AWS appear there.
      for (const [, name] of text.matchAll(/!Sub .*?\$\{([^}]*)\}/g))
        expect(name).toMatch(/^AWS::(Partition|Region|AccountId)$/);
      expect(text).not.toMatch(/\{\{resolve:/);
    }
  });

  it.skipIf(!hasCfnLint)(
    "leave every CloudFormation template clean for cfn-lint: these stacks and the folders' (one run)",
    async () => {
      const paths = [...folders].flatMap(([name, files]) =>
        files.filter(isCfnTemplate).map((f) => join(root.dir, name, f.path)),
      );
      for (const [i, input] of templates().entries()) {
        const files = (await generate(z.parse(AnswersSchema, input))).filter(isCfnTemplate);
        writeFiles(join(root.dir, `image-builder-${i}`), files);
        paths.push(...files.map((f) => join(root.dir, `image-builder-${i}`, f.path)));
      }
      expect(paths.length).toBeGreaterThanOrEqual(3 * CASES.length);
      const result = cfnLint(paths);
      expect(result.code, result.output).toBe(0);
    },
    CFN_LINT_MS,
  );
});

describe('values the schema accepts, in iam/ (policies, trust and tags in CloudFormation)', () => {
  // Every option that puts more of the answers into iam/: the GitHub role, keys, sharing, Session
  // Manager, SSM publication; both engines.
  const withAccess = () =>
    CASES.map((c) => {
      const input = withImageBuilder(c.input as Record<string, any>, 'both');
      const windows = input.platform.os === 'windows-server-2022';
      input.options = {
        ...input.options,
        kmsKeyId: 'alias/images',
        copyToRegions: ['eu-west-1'],
        shareWith: {
          accounts: ['444455556666'],
          organizationalUnits: ['arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456'],
        },
        publishToSsm: '/images/x',
        githubActions: {
          roleArn: 'arn:aws:iam::111122223333:role/ci/ami-build',
          repository: 'example-org/images',
          environment: 'ami-build.prod',
        },
        ...(windows ? {} : { sessionManager: { instanceProfile: 'packer-build' } }),
      };
      return { name: c.name, answers: z.parse(AnswersSchema, input) };
    });
  const iamFolders = new Map<string, GeneratedFile[]>();
  beforeAll(async () => {
    for (const { name, answers } of withAccess()) {
      const files = (await generate(answers)).filter((f) => f.path.startsWith('iam/'));
      iamFolders.set(name, files);
      writeFiles(join(root.dir, `iam-${name}`), files);
    }
  });

  it("no !Sub names anything but AWS's pseudo parameters and the template's own parameters; the Project tag is the answer, as written", () => {
    for (const [{ answers }, files] of withAccess().map((c) => [c, iamFolders.get(c.name)!] as const)) {
      for (const f of files.filter((x) => x.path.endsWith('.yaml'))) {
        const template = parseTemplate(f.contents) as { Parameters?: Record<string, unknown> };
        const own = Object.keys(template.Parameters ?? {});
        for (const [, name] of f.contents.matchAll(/!Sub .*?\$\{([^}]*)\}/g)) {
          // ${!aws:userid} is IAM's own variable, which !Sub leaves alone.
          expect(
            name === '!aws:userid' || /^AWS::(Partition|Region|AccountId)$/.test(name!) || own.includes(name!),
            `${f.path}: \${${name}}`,
          ).toBe(true);
        }
        expect(f.contents).not.toMatch(/\{\{resolve:/);
      }
      // Every condition on the Project tag (aws:RequestTag/Project, ec2:ResourceTag/Project, ...) holds the name as answered.
      const projectValues: unknown[] = [];
      const walk = (v: unknown, operator = ''): void => {
        if (Array.isArray(v)) v.forEach((x) => walk(x));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v))
            operator === 'StringEquals' && /\/Project$/.test(k) ? projectValues.push(x) : walk(x, k);
      };
      walk(parseTemplate(files.find((f) => f.path === 'iam/access.yaml')!.contents));
      expect(projectValues.length).toBeGreaterThan(5);
      for (const v of projectValues) expect(v).toBe(answers.project.name);
      const template = parseTemplate(files.find((f) => f.path === 'iam/launch-template.yaml')!.contents) as any;
      const tags = template.Resources.LaunchTemplate.Properties.LaunchTemplateData.TagSpecifications[0].Tags;
      expect(tags).toContainEqual({ Key: 'Project', Value: answers.project.name });
    }
  });

  it.skipIf(!hasCfnLint)(
    'leave every iam/ template clean for cfn-lint (one run)',
    () => {
      const paths = [...iamFolders].flatMap(([name, files]) =>
        files.filter(isCfnTemplate).map((f) => join(root.dir, `iam-${name}`, f.path)),
      );
      expect(paths.length).toBeGreaterThanOrEqual(3 * CASES.length);
      const result = cfnLint(paths);
      expect(result.code, result.output).toBe(0);
    },
    CFN_LINT_MS,
  );
});
