// The built CLI end to end: generate, re-run safely, conflicts, --force, --dry-run, --json.
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MINIMAL_YAML, minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';
import { cli } from '../support/cli.ts';
import { distFiles, readDistFile } from '../support/bundle.ts';
import Handlebars from 'handlebars';
import { answersJsonSchema } from '../../questionnaire/answers-json-schema.ts';
import { generateFromYaml } from '../support/generate.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const examples = new URL('../../examples/', import.meta.url).pathname;
const listFiles = (root: string, sub = ''): string[] =>
  readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, join(sub, e.name)) : [join(sub, e.name)],
  );

describe('generate', () => {
  for (const [example, design] of [
    ['fully-baked', 'fully-baked'],
    ['hybrid', 'hybrid'],
    ['jeos', 'jeos'],
  ] as const) {
    it(`examples/${example}.yaml -> a ${design} folder`, () => {
      const out = join(dir, 'out');
      const result = cli(['--answers', join(examples, `${example}.yaml`), '--out', out, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.decision.strategy).toBe(design);
      expect(report.plan.every((p: { action: string }) => p.action === 'create')).toBe(true);
      const files = listFiles(out);
      for (const must of [
        'README.md',
        'decision.md',
        'ami-wizard.yaml',
        'packer/base.pkr.hcl',
        'bootstrap/ami-bootstrap.sh',
        'tagging/tag-policy.json',
      ]) {
        expect(files).toContain(must);
      }
      // One source for every role image, one build a role (packer/roles.pkr.hcl); none for JeOS.
      expect(files.includes('packer/roles.pkr.hcl')).toBe(design !== 'jeos');
    });
  }

  // The bundle's templates are precompiled by scripts/build.mjs without source locations; from source
  // they compile with them. Linux and Windows, both engines: between them every template renders.
  const hybrid = readFileSync(join(examples, 'hybrid.yaml'), 'utf8');
  const windowsSaltBoth = `${hybrid
    .replace('os: amazon-linux-2023', 'os: windows-server-2022')
    .replace('architecture: arm64', 'architecture: x86_64')
    .replace('existingTooling: shell-scripts', 'existingTooling: salt')}builder: both\n`;
  it.each([
    ['examples/hybrid.yaml', hybrid],
    ['hybrid on Windows with Salt, builder both', windowsSaltBoth],
  ])('the bundle writes exactly what the generators produce from source: %s', async (_name, text) => {
    const out = join(dir, 'out');
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, text);
    expect(cli(['--answers', answers, '--out', out]).code).toBe(0);
    const expected = await generateFromYaml(text);
    expect(expected.some((file) => file.path.endsWith('.ps1'))).toBe(text === windowsSaltBoth);
    for (const file of expected) expect(readFileSync(join(out, file.path), 'utf8'), file.path).toBe(file.contents);
  });

  it("the bundle's precompiled templates carry no source locations (a sixth of their size)", () => {
    // One file holds them, which everything that generates loads (scripts/bundle-files.mjs).
    const templates = distFiles().filter((file) => readDistFile(file).includes('packer/partials/install-salt.hbs'));
    expect(templates).toEqual(['templates.js']);
    for (const file of templates) expect(readDistFile(file), file).not.toMatch(/loc:\{start:\{line:/);
    // The check can fail: Handlebars writes them by default.
    expect(Handlebars.precompile('{{hcl x}}')).toMatch(/"loc":\{"start":\{"line":/);
  });

  it("the bundle's check of an answers file's shape holds none of the schema's descriptions", () => {
    // ajv's standalone code carries the schema it checks (source/answers/shape.ts strips what only describes).
    const reader = readDistFile('answers-read.js');
    expect(reader).toContain('additionalProperties');
    expect(reader).not.toContain('Free text, escaped for every file');
  });

  it('re-running updates nothing, and leaves an edited file alone until --force', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const out = join(dir, 'out');
    expect(cli(['--answers', answers, '--out', out]).code).toBe(0);

    const again = cli(['--answers', answers, '--out', out, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).plan.every((p: { action: string }) => p.action === 'unchanged')).toBe(true);

    const edited = join(out, 'packer/variables.pkr.hcl');
    writeFileSync(edited, '# mine\n');
    const changed = minimalAnswers();
    changed.project.costCenter = '999';
    writeAnswers(dir, changed);
    const conflict = cli(['--answers', answers, '--out', out]);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toMatch(/conflict\s+packer\/variables\.pkr\.hcl/);
    // One ending: the summary says what to do; nothing more on stderr.
    expect(conflict.stdout).toMatch(/--force/);
    expect(conflict.stdout).not.toMatch(/Next steps/);
    expect(conflict.stderr).toBe('');
    expect(readFileSync(edited, 'utf8')).toBe('# mine\n');
    expect(readFileSync(join(out, 'packer/locals.pkr.hcl'), 'utf8')).toContain('"999"'); // untouched files still update

    const forced = cli(['--answers', answers, '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(edited, 'utf8')).toContain('variable "region"');
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const out = join(dir, 'out');
    const result = cli(['--answers', answers, '--out', out, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/create\s+packer\/base\.pkr\.hcl/);
    expect(result.stdout).toMatch(/nothing written/);
    expect(existsSync(out)).toBe(false);
  });

  it('the generate command name works too, and --out defaults to ./ami-build', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const result = cli(['generate', '--answers', answers], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'ami-build', 'packer', 'base.pkr.hcl'))).toBe(true);
  });

  it('an unwritable --out is a clear failure', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const file = join(dir, 'file');
    writeFileSync(file, '');
    const result = cli(['--answers', answers, '--out', join(file, 'sub')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ami-wizard: Cannot write/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a --templates overlay replaces a built-in module; a broken one is named', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const overlay = join(dir, 'overlay', 'docs');
    mkdirSync(overlay, { recursive: true });
    writeFileSync(join(overlay, 'README.md.hbs'), '# Our own readme for {{md project.name}}\n');
    const ok = cli(['--answers', answers, '--out', join(dir, 'a'), '--templates', join(dir, 'overlay')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a', 'README.md'), 'utf8')).toBe('# Our own readme for demo\n');

    writeFileSync(join(overlay, 'README.md.hbs'), '# {{#if x}} unclosed\n');
    const bad = cli(['--answers', answers, '--out', join(dir, 'b'), '--templates', join(dir, 'overlay')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/docs\/README\.md\.hbs: the template does not parse/);
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });

  it('answer values stay inert: free text never runs, package names reach the package manager after --', () => {
    const hostile = `Billing & "EU" $(touch ${dir}/pwned) $var.y $HOME{y} {z} \`touch ${dir}/pwned2\` 'q'`;
    const a = minimalAnswers();
    a.configManagement = 'shell';
    a.roles = [{ name: 'web', software: ['nginx', 'python3.11-pip'] }];
    a.project.owner = hostile;
    a.project.system = hostile;
    const answers = writeAnswers(dir, stringify(a));
    const out = join(dir, 'out');
    expect(cli(['--answers', answers, '--out', out]).code).toBe(0);
    // A fake dnf records the arguments it receives.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'dnf'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${dir}/dnf-args"\n`);
    chmodSync(join(bin, 'dnf'), 0o755);
    const run = spawnSync('bash', [join(out, 'config/shell/web.sh')], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, AMI_PHASE: 'all' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'dnf-args'), 'utf8').split('\n').slice(0, 5)).toEqual([
      '-y',
      'install',
      '--',
      'nginx',
      'python3.11-pip',
    ]);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
  });
});

describe('recommend, schema, help, version', () => {
  it('recommend prints the design, its reasons and what would change it', () => {
    const result = cli(['recommend', '--answers', join(examples, 'hybrid.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Design: Hybrid \(recommended\)/);
    expect(result.stdout).toMatch(/Why \(points per design\):/);
    // Each reason carries its points: "Recovery time: Within tens of minutes (+1 Fully baked, +1 Hybrid)."
    expect(result.stdout).toMatch(/Recovery time: [^(]+\((no points|[+−]\d [A-Z][^)]*)\)\./);
    expect(result.stdout).toMatch(/What would change it:/);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('recommend --compare explains why two teams get different designs, within 80 columns', () => {
    const result = cli([
      'recommend',
      '--answers',
      join(examples, 'hybrid.yaml'),
      '--compare',
      join(examples, 'jeos.yaml'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/A \(.*hybrid\.yaml\): Hybrid/);
    expect(result.stdout).toMatch(/B \(.*jeos\.yaml\): JeOS/);
    expect(result.stdout).toMatch(/They differ because:/);
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(
      /On-premises too: A "No, AWS only", B "Yes, both must stay simple": (decides B's design|B's design would be the same)/,
    );
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('recommend --json reports an override and the model advice', () => {
    const a = minimalAnswers();
    a.strategy = 'jeos';
    const result = cli(['recommend', '--answers', writeAnswers(dir, a), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.strategy).toBe('jeos');
    expect(json.overridden).toBe(true);
    expect(json.recommended).toBe('hybrid');
    expect(json.ranking).toHaveLength(3);
    expect(json.reasons).toHaveLength(QUESTION_KEYS.length);
    expect(json.requirements).toEqual([]);
    expect(json.ranking.every((r: { ruledOutBy: unknown[] }) => Array.isArray(r.ruledOutBy))).toBe(true);
    expect(Array.isArray(json.whatIf)).toBe(true);
    expect(json.tradeOffs).toHaveLength(3);
  });

  it('schema prints the JSON Schema that ships in schema/', () => {
    const result = cli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(Object.keys(schema.properties.guidance.properties).sort()).toEqual([...QUESTION_KEYS].sort());
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'project', 'guidance']));
    const shipped = readFileSync(new URL('../../schema/ami-wizard.schema.json', import.meta.url), 'utf8');
    expect(result.stdout).toBe(shipped);
    expect(JSON.parse(shipped), 'schema/ami-wizard.schema.json is stale: run npm run schema').toEqual(
      answersJsonSchema(),
    );
  });

  it('--help lists the commands and options; --version prints the version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const word of ['recommend', 'schema', '--answers', '--out', '--dry-run', '--force', '--json'])
      expect(help.stdout).toContain(word);
    const version = cli(['--version']);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
    );
  });
});
