// Builds an image and boots it, simulated: the generated folder is committed to a real git
// repository (at its root, or in a sub-folder), its Packer builds run provisioner by provisioner in a
// throwaway root (sandbox.sh), and then the installed bootstrap runs at each boot against the fake
// IMDS, with the stubs recording what it calls. Needs root (unshare, mount, chroot), as in CI.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { PLATFORMS } from '../../questionnaire/platforms.ts';
import type { OperatingSystem } from '../../questionnaire/answer-values.ts';
import { writeFiles } from '../support/generate.ts';
import { packerBuilds, sourceAttributes } from './packer-builds.ts';
import { provisionScript } from './provision-script.ts';
import { imageBuilderScript } from './image-builder-script.ts';
import { parseTemplate } from '../support/cfn-spec.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** The instance a role build runs on: launched from the base image, as both engines launch it. */
export const ROLE_BUILD_INSTANCE = 'i-0b0b0b0b0b0b0b0b1';

const STUBBED = [
  'apt-get',
  'dnf',
  'rpm',
  'snap',
  'dpkg',
  'curl',
  'gpg',
  'sha256sum',
  'unzip',
  'sudo',
  'cloud-init',
  'systemctl',
  'ansible-pull',
  'ansible-playbook',
  'chef-client',
  'puppet',
  'salt-call',
];

/**
 * The wrappers of the calls stubs.mjs only passes on to the real tool or answers with success alone
 * (pass-through.sh): each records the call and does the same itself, as the stub's branch for it
 * does; any other call goes to stubs.mjs.
 */
const PASS_THROUGH: Partial<Record<string, string>> = {
  curl: `for arg in "$@"; do
  case $arg in
    http://169.254.169.254/*) record curl "$@" && exec /usr/bin/curl "$@" ;;
    http://* | https://*) break ;;
  esac
done`,
  sudo: `if [ "$1" = -E ]; then command=$2; else command=$1; fi
case $(command -v "$command") in
  /*) if record sudo "$@"; then
      [ "$1" = -E ] && shift
      exec "$@"
    fi ;;
esac`,
  systemctl: `case $1 in
  daemon-reload) record systemctl "$@" && exit 0 ;;
  is-enabled) record systemctl "$@" && exec /usr/bin/systemctl "$@" ;;
esac`,
  'cloud-init': `[ "$1" = status ] && record cloud-init "$@" && exit 0`,
  snap: `[ "$*" = 'wait system seed.loaded' ] && record snap "$@" && exit 0`,
};

/** The package managers an image of the other family does not have. */
const ABSENT: Partial<Record<string, string[]>> = {
  apt: ['dnf', 'yum', 'rpm'],
  dnf: ['apt-get', 'apt', 'dpkg', 'snap'],
};

export interface Instance {
  instanceId: string;
  region: string;
  tags?: Record<string, string>;
  userData?: string;
  /** The metadata service does not answer at all. */
  down?: boolean;
}

export interface Boot {
  name: string;
  instance: Instance;
  /** A new instance launched from the image (fresh disk) rather than a reboot of the last one. */
  launch?: boolean;
  /**
   * A server outside EC2 that never saw the image: its metadata service does not answer, and it gets
   * the bootstrap from the repository with bootstrap/install-on-premises.sh and these settings.
   */
  onPremises?: { settings: string };
}

export interface Simulation {
  files: GeneratedFile[];
  /** Where the folder sits in the repository: '' for the root. */
  folder: string;
  /** The Packer builds to run, in order (e.g. base, role-web); none for a boot-only run. */
  builds: string[];
  boots: Boot[];
  /** SSM parameters the stub `aws ssm get-parameter` knows. */
  ssm?: Record<string, string>;
  /** Exit codes the stub tools return, by TOOL or STEP/TOOL (puppet's is its --detailed-exitcodes code). */
  exitCodes?: Record<string, number>;
  /** The OS the image runs: which package manager it has, and whether the AWS CLI comes with it. */
  os: OperatingSystem;
  /** Which engine's build runs: the Packer provisioners, or the Image Builder recipe's components. */
  engine?: 'packer' | 'image-builder';
  /**
   * At the start of every build and of the first boot another process (unattended upgrades) holds the
   * package managers' locks until a package step finds them taken, or at most this many seconds; 0: never.
   */
  lockHeldFor?: number;
  /** Packer variables set outside the folder (PKR_VAR_NAME), such as a build secret. */
  packerVars?: Record<string, string>;
}

export interface Call {
  step: string;
  tool: string;
  args: string[];
  cwd: string;
}

export interface Step {
  rc: number;
  log: string;
}

export interface SimulationResult {
  steps: Record<string, Step>;
  calls: Call[];
  callsIn: (step: string, tool?: string) => Call[];
  /** Package-manager calls that found a lock held (sandbox.sh `hold`): whether they waited for it or failed. */
  lockWaits: { step: string; tool: string; file: string; outcome: 'waited' | 'failed' }[];
  /** A file the builds wrote into the image, or undefined when they did not. */
  file: (path: string) => string | undefined;
  /** The files the builds wrote into the image that hold `text`. */
  filesHolding: (text: string) => string[];
  /** The git URL the instance clones from. */
  repository: string;
  cleanup: () => void;
}

export const REPOSITORY = 'file:///sim/repo.git';

/** Why the simulation cannot run here, or undefined when it can. */
export function simulationUnavailable(): { tool: string; message: string } | undefined {
  if (process.getuid?.() !== 0)
    return { tool: 'root', message: 'the build-and-boot simulation needs root (unshare, mount, chroot)' };
  for (const tool of ['unshare', 'chroot', 'ip', 'git', 'ss']) {
    if (spawnSync('which', [tool]).status !== 0)
      return { tool, message: `the build-and-boot simulation needs ${tool}` };
  }
  return undefined;
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=sim', '-c', 'user.email=sim@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** What a data centre's admin does: install from the checkout, then what the local unit runs at boot. */
function onPremisesBoot(folder: string, settings: string): string {
  return [
    '#!/usr/bin/env bash',
    'set -uo pipefail',
    'node /sim/stubs.mjs install-aws-cli # the admin installed the AWS CLI, as the install script asks',
    `bash ${folder}/bootstrap/install-on-premises.sh ${settings} || exit 92`,
    'unit=/etc/systemd/system/ami-bootstrap-local.service',
    '[ -L /etc/systemd/system/multi-user.target.wants/ami-bootstrap-local.service ] || { echo "boot: the local unit is not enabled"; exit 91; }',
    'echo "boot: ami-bootstrap-local.service enabled in multi-user.target"',
    'command=$(sed -n \'s/^ExecStart=//p\' "$unit")',
    '$command',
    '',
  ].join('\n');
}

/** The user data a role build gives its instance: Packer's role source, or the Image Builder role recipe's override. */
function buildInstanceUserData(
  src: string,
  folder: string,
  imageBuilder: boolean,
  template: string,
  build: string,
): string | undefined {
  if (!imageBuilder)
    return sourceAttributes(readFileSync(join(src, folder, 'packer/roles.pkr.hcl'), 'utf8'), 'amazon-ebs', 'role')
      .user_data;
  const resources = parseTemplate(template).Resources as Record<
    string,
    { Type: string; Properties: Record<string, any> }
  >;
  const recipe = Object.values(resources).find(
    (r) =>
      r.Type === 'AWS::ImageBuilder::ImageRecipe' &&
      String(r.Properties.Name).endsWith(`-${build.replace(/^role-/, '')}`),
  );
  const override = recipe?.Properties.AdditionalInstanceConfiguration?.UserDataOverride;
  return override === undefined ? undefined : Buffer.from(String(override), 'base64').toString('utf8');
}

interface Prepared {
  work: string;
  simDir: string;
  plan: string[];
}

/** The sandbox's command line: sandbox.sh as the init of its own mount, network and pid namespaces. */
const sandbox = (work: string): [string, string[]] => [
  // A pid namespace of its own: sandbox.sh is its init, so when it ends (or the timeout kills unshare,
  // --kill-child) every process the simulated machines started ends too, and none holds the output pipes.
  // /proc is the namespace's, so the sandbox's pkill sees only its own processes.
  'unshare',
  ['--mount', '--net', '--pid', '--fork', '--kill-child', '--mount-proc', 'bash', join(HERE, 'sandbox.sh'), work],
];
// A case takes about half a minute on two quiet cores; a loaded machine can take several times that.
const SANDBOX_TIMEOUT_MS = 300_000;

/** Runs the simulation, blocking until the sandbox ends. */
export function simulate(sim: Simulation): SimulationResult {
  const prepared = prepare(sim);
  const [command, args] = sandbox(prepared.work);
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: SANDBOX_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (run.status !== 0) throw new Error(`sandbox.sh failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
  return collect(prepared);
}

/** Runs the simulation without blocking, so several sandboxes can run at once (each has its own namespaces). */
export async function simulateAsync(sim: Simulation): Promise<SimulationResult> {
  const prepared = prepare(sim);
  const [command, args] = sandbox(prepared.work);
  const child = spawn(command, args, {
    timeout: SANDBOX_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  if (code !== 0) throw new Error(`sandbox.sh failed (${code ?? signal}):\n${output}`);
  return collect(prepared);
}

function prepare(sim: Simulation): Prepared {
  const work = mkdtempSync(join(tmpdir(), 'ami-wizard-boot-'));
  const simDir = join(work, 'sim');
  for (const dir of ['bin', 'steps', 'imds', 'results', 'src']) mkdirSync(join(simDir, dir), { recursive: true });

  // The team's repository: the generated folder at its root or in a sub-folder, one commit on main.
  const src = join(simDir, 'src');
  writeFiles(join(src, sim.folder), sim.files);
  git(src, 'init', '-q', '-b', 'main');
  git(src, 'add', '-A');
  git(src, 'commit', '-q', '-m', 'generated by ami-wizard');
  git(simDir, 'clone', '-q', '--bare', src, 'repo.git');

  cpSync(join(HERE, 'stubs.mjs'), join(simDir, 'stubs.mjs'));
  cpSync(join(HERE, 'fake-imds.mjs'), join(simDir, 'fake-imds.mjs'));
  cpSync(join(HERE, 'lock-holder.sh'), join(simDir, 'lock-holder.sh'));
  cpSync(join(HERE, 'pass-through.sh'), join(simDir, 'pass-through.sh'));
  // Amazon Linux 2023 ships the AWS CLI; Ubuntu and RHEL images get it only if the build installs it.
  // The other family's package managers are not there at all (sandbox.sh removes this machine's own
  // apt-get and dpkg from an Amazon Linux or RHEL instance), so `command -v dnf` fails on Ubuntu as it does.
  const absent = ABSENT[PLATFORMS[sim.os].packageManager] ?? [];
  writeFileSync(join(simDir, 'absent.txt'), absent.map((tool) => `${tool}\n`).join(''));
  for (const tool of [
    ...STUBBED.filter((t) => !absent.includes(t)),
    ...(sim.os === 'amazon-linux-2023' ? ['aws'] : []),
  ]) {
    const passThrough = PASS_THROUGH[tool] ? `. /sim/pass-through.sh\n${PASS_THROUGH[tool]}\n` : '';
    writeFileSync(join(simDir, 'bin', tool), `#!/bin/sh\n${passThrough}exec node /sim/stubs.mjs ${tool} "$@"\n`);
    chmodSync(join(simDir, 'bin', tool), 0o755);
  }
  writeFileSync(join(simDir, 'ssm.json'), JSON.stringify(sim.ssm ?? {}));
  writeFileSync(join(simDir, 'exit-codes.json'), JSON.stringify(sim.exitCodes ?? {}));
  writeFileSync(join(simDir, 'os.json'), JSON.stringify({ packageManager: PLATFORMS[sim.os].packageManager }));

  const plan: string[] = [];
  const packerDir = join('/sim/src', sim.folder, 'packer');
  const imageBuilder = sim.engine === 'image-builder';
  const builds =
    sim.builds.length && !imageBuilder ? packerBuilds(join(src, sim.folder, 'packer'), sim.packerVars) : [];
  const template = imageBuilder ? readFileSync(join(src, sim.folder, 'imagebuilder/image-builder.yaml'), 'utf8') : '';
  const hold = sim.lockHeldFor ? [`hold ${sim.lockHeldFor}`] : [];
  sim.builds.forEach((name, i) => {
    let script: string;
    if (imageBuilder) {
      script = imageBuilderScript(template, name.replace(/^role-/, ''));
    } else {
      const build = builds.find((b) => b.name === name);
      if (!build) throw new Error(`no build named ${name} (have ${builds.map((b) => b.name).join(', ')})`);
      script = provisionScript(build, packerDir);
    }
    writeFileSync(join(simDir, 'steps', `build-${name}.sh`), script);
    if (i > 0) {
      // A role build's instance is launched from the base image: the units the base enabled start at
      // its boot, with the user data the engine gives build instances (its tags are not in metadata).
      const instance: Instance = {
        instanceId: ROLE_BUILD_INSTANCE,
        region: 'us-east-1',
        userData: buildInstanceUserData(src, sim.folder, imageBuilder, template, name),
      };
      writeFileSync(join(simDir, 'imds', `build-${name}.json`), JSON.stringify({ ...instance, metadataTags: false }));
      cpSync(join(HERE, 'boot.sh'), join(simDir, 'steps', `boot-build-${name}.sh`));
      plan.push(`launch build-${name}`, `imds build-${name}.json`, `run boot-build-${name}`);
    }
    plan.push(...hold, `run build-${name}`, 'capture');
  });
  sim.boots.forEach((boot, i) => {
    writeFileSync(join(simDir, 'imds', `${boot.name}.json`), JSON.stringify(boot.instance));
    if (boot.onPremises) {
      writeFileSync(join(simDir, `${boot.name}.env`), boot.onPremises.settings);
      writeFileSync(
        join(simDir, 'steps', `${boot.name}.sh`),
        onPremisesBoot(join('/sim/src', sim.folder), `/sim/${boot.name}.env`),
      );
      plan.push(`bare ${boot.name}`, `imds ${boot.name}.json`, `run ${boot.name}`);
      return;
    }
    cpSync(join(HERE, 'boot.sh'), join(simDir, 'steps', `${boot.name}.sh`));
    plan.push(
      i === 0 || boot.launch ? `launch ${boot.name}` : 'reboot',
      `imds ${boot.name}.json`,
      ...(i === 0 ? hold : []),
      `run ${boot.name}`,
    );
  });
  writeFileSync(join(simDir, 'plan.txt'), `${plan.join('\n')}\n`);
  return { work, simDir, plan };
}

function collect({ work, simDir, plan }: Prepared): SimulationResult {
  const results = join(simDir, 'results');
  const steps: Record<string, Step> = {};
  for (const line of plan.filter((l) => l.startsWith('run '))) {
    const name = line.slice(4);
    steps[name] = {
      rc: Number(readFileSync(join(results, `${name}.rc`), 'utf8')),
      log: readFileSync(join(results, `${name}.log`), 'utf8'),
    };
  }
  const callsFile = join(results, 'calls.jsonl');
  const calls: Call[] = existsSync(callsFile)
    ? readFileSync(callsFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  const waitsFile = join(results, 'lock-waits.jsonl');
  const lockWaits = existsSync(waitsFile)
    ? readFileSync(waitsFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  return {
    steps,
    calls,
    lockWaits,
    callsIn: (step, tool) => calls.filter((c) => c.step === step && (tool === undefined || c.tool === tool)),
    file: (path) => {
      // Only what the builds wrote is in the image layer; a deleted file is a whiteout there.
      const inImage = join(work, 'image', path);
      return existsSync(inImage) && lstatSync(inImage).isFile() ? readFileSync(inImage, 'utf8') : undefined;
    },
    filesHolding: (text) => {
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (entry.isFile() && readFileSync(path).includes(text))
            found.push(path.slice(join(work, 'image').length + 1));
        }
      };
      if (existsSync(join(work, 'image'))) walk(join(work, 'image'));
      return found;
    },
    repository: REPOSITORY,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
