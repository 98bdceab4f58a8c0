// The built CLI (dist/cli.js) in a real pseudo-terminal (node-pty), its screen read back through a
// headless xterm: what a person at a terminal sees and gets. Each key is its own write, sent only
// once the screen it is meant for is showing.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { QUESTIONS, defaultGuidance } from '../../questionnaire/questions.ts';
import { DESIGN_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { recommend } from '../../questionnaire/recommend.ts';
import { WIZARD_STEP_COUNT } from '../../source/text/welcome-text.ts';
import { GUIDANCE_SCREENS, WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import { DIST, eagerInputs, inputsOf, loadedWith, mayLoad, startFiles } from '../support/bundle.ts';
import { CLI, cli } from '../support/cli.ts';
import { MINIMAL_YAML } from '../support/answers.ts';
import { PTY_KEY, PtySession as Session, ptyTestFolder } from '../support/pty-session.ts';

const KEY = PTY_KEY;
const SHOW_CURSOR = '\u001B[?25h';
const HIDE_CURSOR = '\u001B[?25l';

const pty = ptyTestFolder('ami-wizard-pty-');

function wizard(
  args: string[] = [],
  options: { cols?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {},
): Session {
  const cwd = options.cwd ?? join(pty.dir, 'web-shop');
  mkdirSync(cwd, { recursive: true });
  return pty.track(new Session(process.execPath, [CLI, ...args], { cwd, ...options }));
}

/** Runs the wizard, then `stty -a` in the same terminal, so the test sees the terminal state it left. */
function wizardThenStty(args: string[]): Session {
  const cwd = join(pty.dir, 'web-shop');
  mkdirSync(cwd, { recursive: true });
  const script = `"${process.execPath}" "${CLI}" ${args.join(' ')}; echo "exit=$?"; stty -a`;
  return pty.track(new Session('/bin/sh', ['-c', script], { cwd }));
}

/** Enter on every screen from `from` to the last, waiting for each screen's progress line first. */
async function enterThrough(s: Session, from = 1, to = WIZARD_STEP_COUNT): Promise<void> {
  for (let step = from; step <= to; step++) {
    await s.waitFor(step === 1 ? 'Enter start' : `Step ${step} of ${WIZARD_STEP_COUNT}`);
    await s.enterScreen();
  }
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

describe('wizard in a terminal', () => {
  it('Enter on every screen writes the folder; replaying its answers file gives the identical folder', async () => {
    const s = wizard();
    await enterThrough(s);
    expect(await s.exit).toBe(0);
    const out = join(pty.dir, 'web-shop', 'ami-build');
    await s.waitFor('Replay these answers');
    expect(s.screen()).toContain('Design: Hybrid (recommended)');
    expect(s.screen()).toMatch(/cd 'ami-build\/packer'\s+packer init \.\s+packer validate \.\s+make build/);
    const answers = load(readFileSync(join(out, 'ami-wizard.yaml'), 'utf8')) as {
      project: { name: string };
      guidance: unknown;
    };
    expect(answers.project.name).toBe('web-shop');
    expect(answers.guidance).toEqual(defaultGuidance());

    const other = join(pty.dir, 'other');
    const replay = cli(['--answers', join(out, 'ami-wizard.yaml'), '--out', other]);
    expect(replay.code, replay.stderr).toBe(0);
    const files = listFiles(out);
    expect(files).toContain('.ami-wizard/manifest.json');
    expect(listFiles(other)).toEqual(files);
    for (const file of files)
      expect(readFileSync(join(other, file), 'utf8'), file).toBe(readFileSync(join(out, file), 'utf8'));
  });

  it('going back to an answer that whatIf names, and changing it, changes the recommendation', async () => {
    const defaults = recommend(defaultGuidance());
    const flip = defaults.whatIf[0]!;
    const question = QUESTIONS[flip.key];
    const choices = question.choices.map((c) => c.value as unknown);
    const s = wizard([], { rows: 45 });
    await enterThrough(
      s,
      1,
      WIZARD_SCREENS.findIndex((screen) => screen.id === 'recommendation'),
    );
    await s.waitFor(`Recommended: ${DESIGN_LABELS[defaults.recommended]}`);
    // Esc back screen by screen until the question whose answer flips the recommendation.
    const promptStart = question.prompt.split(' ').slice(0, 5).join(' ');
    for (let i = 0; i < GUIDANCE_SCREENS.length && !s.screen().includes(promptStart); i++) {
      const before = s.screen().match(/Step (\d+) of/)![1];
      await s.press(KEY.escape);
      await s.waitFor(new RegExp(`Step (?!${before} )\\d+ of`));
    }
    await s.waitFor(promptStart);
    const moves = choices.indexOf(flip.to) - choices.indexOf(question.defaultValue);
    for (let i = 0; i < Math.abs(moves); i++) await s.press(moves < 0 ? KEY.up : KEY.down);
    await s.waitFor(`❯ ${flip.toLabel}`);
    await s.press(KEY.enter);
    await s.waitFor(/Step \d+ of/);
    while (!s.screen().includes('Recommended:')) {
      const before = s.screen().match(/Step (\d+) of/)![1];
      await s.enterScreen();
      await s.waitFor(new RegExp(`Step (?!${before} )\\d+ of`));
    }
    await s.waitFor(`Recommended: ${DESIGN_LABELS[flip.strategy]}`);
    expect(flip.strategy).not.toBe(defaults.recommended);
  });

  it('Ctrl+C mid-way: exit 130, nothing written, the terminal restored', async () => {
    const s = wizardThenStty([]);
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    await s.waitFor('Step 2 of');
    await s.press(KEY.enter);
    await s.waitFor('Step 3 of');
    await s.press(KEY.ctrlC);
    // stty prints the local modes (with icanon or -icanon) near its end.
    await s.waitForOutput(/exit=\d+[\s\S]*\s-?icanon\s/);
    await s.exit;
    expect(s.screen()).toContain('Cancelled, nothing was written.');
    expect(s.raw).toMatch(/exit=130/);
    expect(existsSync(join(pty.dir, 'web-shop', 'ami-build'))).toBe(false);
    // stty ran in the same terminal afterwards: canonical mode and echo are back on (not raw).
    const stty = s.raw.slice(s.raw.indexOf('exit=130'));
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
    expect(s.raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(s.raw.lastIndexOf(HIDE_CURSOR));
  });

  it('Ctrl+C on the first frame, before a key was read, also cancels cleanly', async () => {
    const s = wizardThenStty([]);
    await s.waitFor('How much software');
    await s.press(KEY.ctrlC);
    await s.waitForOutput(/exit=\d+[\s\S]*\s-?icanon\s/);
    expect(s.raw).toMatch(/exit=130/);
    expect(s.raw.slice(s.raw.indexOf('exit=130'))).toMatch(/(^|\s)icanon(\s|$)/m);
  });

  it('an existing folder shows its conflicts before anything is written', async () => {
    const first = wizard();
    await enterThrough(first);
    expect(await first.exit).toBe(0);
    const edited = join(pty.dir, 'web-shop', 'ami-build', 'packer', 'variables.pkr.hcl');
    writeFileSync(edited, '# mine\n');
    const s = wizard();
    await enterThrough(s, 1, WIZARD_STEP_COUNT - 1);
    await s.waitFor('Write these files?');
    expect(s.screen()).toContain('conflict  packer/variables.pkr.hcl');
    expect(s.screen()).toMatch(/1 conflict/);
    await s.press(KEY.enter);
    expect(await s.exit).toBe(1);
    await s.waitFor('--force');
    expect(readFileSync(edited, 'utf8')).toBe('# mine\n');
  });

  it('at 80x24 the ending leaves a trail of the answers above the Design line, and all of it stays on screen (issue 21)', async () => {
    const s = wizard(['--out', 'trail'], { cols: 80, rows: 24 });
    await enterThrough(s);
    expect(await s.exit).toBe(0);
    await s.waitFor('Replay these answers');
    const ending = s.visible();
    const lines = ending.split('\n');
    const design = lines.findIndex((line) => line.startsWith('Design: Hybrid (recommended)'));
    expect(design, ending).toBeGreaterThan(0);
    expect(lines[design - 1]).toMatch(/^◇ Tags: Development · Internal/);
    expect(ending).toMatch(/^◇ web-shop · Amazon Linux 2023, x86_64 · us-east-1 \(build\)$/m);
    expect(ending).toMatch(/^◇ Guidance: the 11 defaults$/m);
    expect(ending).toMatch(/^◇ Build: Packer · Ansible · t3\.small$/m);
    expect(ending).toContain('Next steps: build the images');
    expect(ending).toContain('make build');
    expect(ending).toMatch(/Replay these answers: ami-wizard --answers/);
    expect(s.wrappedLines()).toBe(0);
  });

  it('at 80x24 the Files screen over a folder with conflicts keeps its header and question on screen; PgDn pages the plan (issue 21)', async () => {
    const first = wizard();
    await enterThrough(first);
    expect(await first.exit).toBe(0);
    const out = join(pty.dir, 'web-shop', 'ami-build');
    const edited = listFiles(out)
      .filter((file) => !file.startsWith('.ami-wizard') && file !== 'ami-wizard.yaml')
      .slice(0, 8);
    for (const file of edited) writeFileSync(join(out, file), '# mine\n');
    const s = wizard([], { cols: 80, rows: 24 });
    await enterThrough(s, 1, WIZARD_STEP_COUNT - 1);
    await s.waitFor('Write these files?');
    const files = s.visible();
    expect(files).toMatch(new RegExp(`ami-wizard · Files +Step ${WIZARD_STEP_COUNT} of ${WIZARD_STEP_COUNT}`));
    expect(files).toContain('Write these files?');
    expect(files).toContain('Yes, write the files');
    expect(files).toMatch(/8 conflicts/);
    expect(files).toContain('PgDn');
    expect(s.wrappedLines()).toBe(0);
    // Every conflict can be read: PgDn shows the ones the first page leaves out, the header stays.
    const seen = new Set<string>();
    for (let page = 0; page < 6 && seen.size < edited.length; page++) {
      for (const file of edited) if (s.visible().includes(`conflict  ${file}`)) seen.add(file);
      await s.press(KEY.pageDown);
      expect(s.visible()).toContain('Write these files?');
    }
    expect([...seen].sort()).toEqual([...edited].sort());
    await s.press(KEY.escape);
    await s.waitFor(`Step ${WIZARD_STEP_COUNT - 1} of ${WIZARD_STEP_COUNT}`);
    s.kill();
  });

  it('--answers with answers left out asks only for those; a complete file goes straight to generate', async () => {
    mkdirSync(join(pty.dir, 'web-shop'), { recursive: true });
    const partial = join(pty.dir, 'web-shop', 'partial.yaml');
    writeFileSync(partial, MINIMAL_YAML.replace(/^ {2}baselineStability: .*\n/m, ''));
    const s = wizard(['--answers', 'partial.yaml', '--out', 'filled']);
    // Seven words tell the two experience questions apart ("How experienced is the team with ...").
    const asked = (key: keyof typeof QUESTIONS) =>
      s.raw.includes(QUESTIONS[key].prompt.split(' ').slice(0, 7).join(' '));
    // Enter on each screen as it comes, until the wizard ends.
    let exited = false;
    void s.exit.then(() => (exited = true));
    let last = '';
    while (!exited) {
      const screen = s.screen().match(/Step \d+ of \d+|Enter start/)?.[0];
      if (screen && screen !== last) {
        last = screen;
        await s.enterScreen();
      } else await Promise.race([s.nextFrame(), s.exit]);
    }
    expect(await s.exit).toBe(0);
    // The file leaves out the baseline, and the two questions added since (it gives the automation
    // answer, so AWS experience is asked on its own).
    const left = ['baselineStability', 'awsExperience', 'automatedPipeline'];
    for (const key of Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[])
      expect(asked(key), key).toBe(left.includes(key));
    const saved = load(readFileSync(join(pty.dir, 'web-shop', 'filled', 'ami-wizard.yaml'), 'utf8')) as {
      project: { name: string };
      guidance: object;
    };
    expect(saved.project.name).toBe('demo');
    expect(Object.keys(saved.guidance).sort()).toEqual(Object.keys(QUESTIONS).sort());

    const complete = wizard(['--answers', join(pty.dir, 'web-shop', 'filled', 'ami-wizard.yaml'), '--out', 'again']);
    expect(await complete.exit).toBe(0);
    expect(complete.raw).not.toContain('Step 1 of');
    expect(existsSync(join(pty.dir, 'web-shop', 'again', 'ami-wizard.yaml'))).toBe(true);
  });

  it('works at 60 columns: no line is wider than the terminal', async () => {
    const s = wizard(['--out', 'narrow'], { cols: 60, rows: 30 });
    for (let step = 1; step <= WIZARD_STEP_COUNT; step++) {
      await s.waitFor(step === 1 ? 'Enter start' : `Step ${step} of ${WIZARD_STEP_COUNT}`);
      if (step === 7) await s.press('?'); // the longest question screen: with its why
      expect(s.wrappedLines(), s.screen()).toBe(0);
      await s.enterScreen();
      expect(s.wrappedLines(), s.screen()).toBe(0);
    }
    expect(await s.exit).toBe(0);
    // And the summary the terminal keeps, printed once the files are written.
    expect(s.wrappedLines(), s.screen()).toBe(0);
    expect(existsSync(join(pty.dir, 'web-shop', 'narrow', 'ami-wizard.yaml'))).toBe(true);
  });

  it('the recommendation at 120x40 without colour: points with every reason, the scale, and ? explains the scores', async () => {
    const s = wizard(['--out', 'wide'], { cols: 120, rows: 40, env: { NO_COLOR: '1' } });
    const at = WIZARD_SCREENS.findIndex((screen) => screen.id === 'recommendation') + 1;
    await enterThrough(s, 1, at - 1);
    await s.waitFor(`Step ${at} of ${WIZARD_STEP_COUNT}`);
    await s.waitFor('[Reasons]');
    expect(s.visible()).toMatch(/Recovery time: Within tens of minutes \(\+1 Fully baked, \+1 Hybrid\)\./);
    expect(s.visible()).toContain("Score = the sum of each answer's points");
    await s.press('?');
    await s.waitFor('[How the scores work]');
    expect(s.wrappedLines()).toBe(0);
    expect(s.raw).not.toMatch(/\u001B\[(3[0-7]|9[0-7]|38;|1m|2m)/);
    await s.press('?');
    await s.waitFor('[Reasons]');
    await s.press(KEY.escape);
    await s.waitFor(`Step ${at - 1} of ${WIZARD_STEP_COUNT}`);
  });

  it('NO_COLOR turns colour off (and without it there is colour)', async () => {
    const colour = /\u001B\[(3[0-7]|9[0-7]|38;|1m|2m)/;
    const coloured = wizard();
    await coloured.waitFor('Enter start');
    await coloured.press(KEY.enter);
    await coloured.waitFor('Step 2 of');
    expect(coloured.raw).toMatch(colour);
    coloured.kill();

    const plain = wizard([], { env: { NO_COLOR: '1' } });
    await plain.waitFor('Enter start');
    await plain.press(KEY.enter);
    await plain.waitFor('Step 2 of');
    await plain.press(KEY.enter);
    await plain.waitFor('Step 3 of');
    expect(plain.raw).not.toMatch(colour);
  });

  // DEV=true is Ink's switch for React's devtools, and a name shells and containers set for their own
  // reasons. The bundle holds no devtools, and the wizard ran as far as its first Ink frame, then
  // failed unexpectedly ("initialize is not a function").
  // Ink then also read the package.json above its own file: with the bundle, the one above dist/.
  // So the run is also from a copy of dist/ with none above it.
  it("DEV=true, Ink's devtools switch, changes nothing", async () => {
    const copy = join(pty.dir, 'no-package', 'dist');
    cpSync(DIST, copy, { recursive: true });
    const cwd = join(pty.dir, 'web-shop');
    mkdirSync(cwd, { recursive: true });
    for (const cli of [CLI, join(copy, 'cli.js')]) {
      const s = pty.track(new Session(process.execPath, [cli], { cwd, env: { DEV: 'true' } }));
      await s.waitFor('Enter start');
      await s.press(KEY.enter);
      await s.waitFor('Step 2 of');
      s.kill();
    }
  });
});

describe('the bundle', () => {
  // Ink and React, from esbuild's account of the bundle (test/support/bundle.ts).
  const ui = (input: string) => /^node_modules\/(ink|react)\//.test(input);
  const isUi = (file: string) => inputsOf(file).some(ui);

  it('Ink and React load only with the wizard and the workshop', () => {
    expect([...startFiles()].filter(isUi), 'the start').toEqual([]);
    for (const file of ['generate.js', 'recommend.js', 'schema.js'])
      expect([...mayLoad(file)].filter(isUi), file).toEqual([]);
    // The wizard's first frame comes before them: they are a file of their own, imported after it.
    for (const file of ['wizard.js', 'workshop.js', 'answers-in-terminal.js'])
      expect([...loadedWith(file)].filter(isUi), file).toEqual([]);
    expect([...eagerInputs('screens.js')].some(ui)).toBe(true);
    for (const file of ['wizard.js', 'workshop.js']) expect([...mayLoad(file)], file).toContain('screens.js');
  });

  // The first Intl object of a process costs 12 to 20 ms; Ink's text modules built an Intl.Segmenter
  // each when they loaded (scripts/dependency-edits.mjs, source/text/graphemes.ts).
  it('the wizard reads keys without building an Intl.Segmenter: its first screen needs none', async () => {
    const log = join(pty.dir, 'segmenters.log');
    const spy = join(pty.dir, 'segmenter-spy.mjs');
    writeFileSync(
      spy,
      `import { appendFileSync } from 'node:fs';\nconst Segmenter = Intl.Segmenter;\nIntl.Segmenter = new Proxy(Segmenter, { construct(target, args) { appendFileSync(${JSON.stringify(log)}, new Error().stack + '\\n'); return Reflect.construct(target, args); } });\n`,
    );
    // The spy can fail: a process that builds one is logged.
    expect(spawnSync(process.execPath, ['--import', spy, '-e', 'new Intl.Segmenter()']).status).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('Error');
    writeFileSync(log, '');

    const cwd = join(pty.dir, 'web-shop');
    mkdirSync(cwd, { recursive: true });
    const s = pty.track(new Session(process.execPath, ['--import', spy, CLI], { cwd }));
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    await s.waitFor('Step 2 of');
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  // Node's modules the first screen has no use for, each a ms or two to load (scripts/dependency-edits.mjs,
  // the build's lazy node:crypto, source/answers/sha256.ts): none is loaded by the time it reads keys.
  it("the wizard reads keys without loading Node's crypto, child_process, assert, perf_hooks or os", async () => {
    const log = join(pty.dir, 'modules.log');
    const spy = join(pty.dir, 'modules-spy.cjs');
    writeFileSync(
      spy,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join('\\n')));\n`,
    );
    const unused = ['crypto', 'child_process', 'assert', 'perf_hooks', 'os'];
    const loaded = (text: string) => unused.filter((name) => text.split('\n').includes(`NativeModule ${name}`));
    // The spy can fail: a process that loads them is logged with them.
    const check = spawnSync(process.execPath, ['-r', spy, '-e', unused.map((m) => `require('${m}')`).join(';')]);
    expect(check.status).toBe(0);
    expect(loaded(readFileSync(log, 'utf8'))).toEqual(unused);

    const cwd = join(pty.dir, 'web-shop');
    mkdirSync(cwd, { recursive: true });
    const s = pty.track(new Session(process.execPath, ['-r', spy, CLI], { cwd }));
    await s.waitFor('Enter start');
    s.write(KEY.ctrlC);
    await s.exit;
    expect(loaded(readFileSync(log, 'utf8'))).toEqual([]);
  });

  it('the wizard reads keys before the answers reader (js-yaml), the generators and zod load: they come when needed', () => {
    const yamlReader = (input: string) => /^(node_modules\/js-yaml\/|package-getter:[^:]+:js-yaml$)/.test(input);
    const generators = ['generators.js', 'templates.js'];
    const onUse = [...generators, 'answers-zod.js'];
    // What runs when a file loads, in it and in the files that load with it.
    const runAtLoad = (file: string) => [...loadedWith(file)].flatMap((f) => [...eagerInputs(f)]);
    expect(runAtLoad('screens.js').filter(yamlReader)).toEqual([]);
    expect([...loadedWith('screens.js')].filter((file) => onUse.includes(file))).toEqual([]);
    // zod is not even in the screens' file: the draft's check loads it from its own.
    expect(inputsOf('screens.js').filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
    // The check can fail: the wizard may load them, and generate loads the generators at once.
    expect([...mayLoad('screens.js')]).toEqual(expect.arrayContaining(onUse));
    expect(runAtLoad('generate.js').some(yamlReader)).toBe(true);
    expect([...loadedWith('generate.js')]).toEqual(expect.arrayContaining(generators));
  });
});

describe('without a terminal', () => {
  it('the wizard refuses with one line naming --answers, exit 2', () => {
    const result = cli([], { cwd: pty.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--answers');
  });
});

describe('workshop in a terminal', () => {
  // The spectrum, the guidance screens, the board.
  const WORKSHOP_STEPS = GUIDANCE_SCREENS.length + 2;

  function workshop(args: string[] = []): Session {
    return wizard(['workshop', ...args]);
  }

  /** Enter through the spectrum and the guidance questions to the what-if board. */
  async function toBoard(s: Session): Promise<void> {
    for (let step = 1; step < WORKSHOP_STEPS; step++) {
      await s.waitFor(`Step ${step} of ${WORKSHOP_STEPS}`);
      if (step === 2) expect(s.screen()).toContain('Why this matters'); // the questions come with their why
      await s.enterScreen();
    }
    await s.waitFor('What if?');
  }

  it('applying the flipping answer from whatIf on the board changes the recommendation; s saves it', async () => {
    const defaults = recommend(defaultGuidance());
    const flip = defaults.whatIf[0]!;
    const values = QUESTIONS[flip.key].choices.map((c) => c.value as unknown);
    const s = workshop();
    await s.waitFor('more flexible deployment');
    await toBoard(s);
    expect(s.screen()).toContain(`Recommended: ${DESIGN_LABELS[defaults.recommended]}`);
    const row = Object.keys(QUESTIONS).indexOf(flip.key);
    for (let i = 0; i < row; i++) await s.press(KEY.down);
    const moves = values.indexOf(flip.to) - values.indexOf(QUESTIONS[flip.key].defaultValue);
    for (let i = 0; i < Math.abs(moves); i++) await s.press(moves < 0 ? KEY.left : KEY.right);
    await s.waitFor(`Recommended: ${DESIGN_LABELS[flip.strategy]}`);
    expect(s.screen()).toContain(`Moved: Hybrid → Fully baked.`);
    await s.press('s');
    await s.waitFor('Saved to ami-wizard.yaml');
    await s.press(KEY.enter);
    expect(await s.exit).toBe(0);
    await s.waitFor('Answers saved to ami-wizard.yaml.');

    const saved = join(pty.dir, 'web-shop', 'ami-wizard.yaml');
    const recommended = cli(['recommend', '--answers', saved, '--json']);
    expect(recommended.code, recommended.stderr).toBe(0);
    expect(JSON.parse(recommended.stdout).recommended).toBe(flip.strategy);
  });

  it('starts from --answers', async () => {
    const file = join(pty.dir, 'team.yaml');
    writeFileSync(file, `version: 1\nproject:\n  name: team\nguidance:\n  automationExperience: new\n`);
    const s = workshop(['--answers', file]);
    // With --answers the board opens at once (issue 14): no spectrum, no questions.
    await s.waitFor('What if?');
    expect(s.screen()).toMatch(/Automation skill\s+New to it/);
    // A file from before the split: AWS experience reads as its automation answer, as recommend reads it.
    expect(s.screen()).toMatch(/AWS experience\s+New to AWS/);
    const expected = recommend({ ...defaultGuidance(), automationExperience: 'new', awsExperience: 'new' }).recommended;
    expect(s.screen()).toContain(`Recommended: ${SHORT_DESIGN_LABELS[expected]}`);
    await s.press(KEY.ctrlC);
    expect(await s.exit).toBe(130);
  });

  it('refuses without a terminal, naming --answers', () => {
    const result = cli(['workshop'], { cwd: pty.dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--answers');
  });
});
