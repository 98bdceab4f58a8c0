// The generated folder used as a team would use it, simulated: the Packer builds of the baseline and
// of a role image run in a throwaway root, then the image boots twice (and a second instance once)
// against a fake IMDSv2, cloning the configuration from a real git repository. What each case proves:
// the builds succeed; the bootstrap is installed and enabled; the first boot applies the image's own
// role, or the tagged one, with the right tool against files that exist in the checkout; secrets
// come from /<project>/<Stage tag>/<name>; the second boot does nothing; exit codes mean what the
// bootstrap's header says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import type { ConfigTool, OperatingSystem } from '../../questionnaire/answers-schema.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { CONFIG_TOOLS } from '../../questionnaire/config-tool.ts';
import { OPERATING_SYSTEMS } from '../../questionnaire/answer-values.ts';
import { platformFacts } from '../../generators/platforms.ts';
import { installerSource } from '../../generators/installer-sources.ts';
import { minimalAnswers } from '../support/answers.ts';
import { generate } from '../support/generate.ts';
import { toolMissing } from '../support/tools.ts';
import { REPOSITORY, ROLE_BUILD_INSTANCE, simulate, simulateAsync, simulationUnavailable } from './simulate.ts';
import type { Boot, Call, SimulationResult } from './simulate.ts';

const unavailable = simulationUnavailable();
if (unavailable) toolMissing(unavailable.tool, `${unavailable.message}: the build-and-boot simulation does not run`);

const SOFTWARE: Record<OperatingSystem, string[]> = {
  'amazon-linux-2023': ['nginx', 'python3-pip'],
  'ubuntu-24.04': ['nginx', 'python3-pip'],
  'rhel-9': ['nginx', 'python3-pip'],
  'windows-server-2022': [],
};
/**
 * A package of the built role (api) alone that changes daily and installs in a minute: placed at
 * launch in a hybrid design (questionnaire/placement.ts), in the role image when fully baked. nginx,
 * which both roles list, goes into the baseline; api's curl into its role image.
 */
const LAUNCH_PACKAGE = { name: 'jq', installMinutes: 1, changes: 'daily' as const };

interface Case {
  design: Design;
  os: OperatingSystem;
  tool: ConfigTool;
  /** Where the team keeps the generated folder in its repository ('' = the root). */
  folder: string;
  /** Built by the Image Builder components instead of the Packer provisioners. */
  imageBuilder?: boolean;
}

/**
 * Every design x Linux OS x tool, once each (45 cases). The engine alternates by a parity of the three
 * indexes, so every pair of them (design and OS, design and tool, OS and tool) is built by both the Packer
 * provisioners and the Image Builder components; the folder sits at the root or in a sub-folder in turn.
 * Running all 45 on both engines would double this file's time (README: about 20 minutes) for no pair
 * this leaves out.
 */
const LINUX = OPERATING_SYSTEMS.filter((os) => platformFacts(os, 'x86_64').family === 'linux');
const FOLDERS = ['', 'infra/ami', 'platform/images'];
const CASES: Case[] = DESIGNS.flatMap((design, d) =>
  LINUX.flatMap((os, o) =>
    CONFIG_TOOLS.map((tool, t) => ({
      design,
      os,
      tool,
      folder: FOLDERS[(d + o + t) % FOLDERS.length]!,
      imageBuilder: (d + o + t) % 2 === 1,
    })),
  ),
);

const USER_DATA = `#!/bin/bash\n# settings for ami-bootstrap\nAMI_WIZARD_CONFIG_SOURCE=${REPOSITORY}\nAMI_WIZARD_CONFIG_REF=main\n`;
const SECRET = { '/demo/test/db/password': 'p4ss-from-ssm' };

function answersFor(c: Case) {
  const a = minimalAnswers();
  a.strategy = c.design;
  a.configManagement = c.tool;
  a.platform = { os: c.os, regions: ['eu-west-1'] };
  // The second role is the one whose image is built: a bootstrap that falls back to the first is wrong.
  // api's image installs curl, its own: every role build takes the package manager's lock.
  a.roles = [
    { name: 'web', software: SOFTWARE[c.os] },
    { name: 'api', software: [...SOFTWARE[c.os].slice(0, 1), 'curl', LAUNCH_PACKAGE] },
  ];
  if (c.folder)
    a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build', directory: c.folder } };
  if (c.imageBuilder) a.builder = 'image-builder';
  return z.parse(AnswersSchema, a);
}

/** The role the config tool was pointed at in a call, whatever the tool. */
function appliedRole(call: Call): string | undefined {
  const a = call.args;
  switch (call.tool) {
    case 'ansible-pull':
      return undefined; // read from the vars file by the stub; checked through its log line
    case 'chef-client':
      return /^recipe\[(.+)\]$/.exec(a[a.indexOf('-o') + 1] ?? '')?.[1];
    case 'puppet':
      return /^include role_(\S+)$/.exec(a[a.indexOf('-e') + 1] ?? '')?.[1]?.replace(/_/g, '-');
    case 'salt-call':
      return a[a.indexOf('state.apply') + 1]?.split('.')[0];
    default:
      return undefined;
  }
}

const imageRole = (c: Case) => (c.design === 'jeos' ? undefined : 'api');

/**
 * The cases' simulations, two at a time: each case's beforeAll starts its own and the next one's, so one
 * sandbox runs while the last case's checks read theirs. Every result started is removed at the end.
 */
const runs = new Map<Case, Promise<SimulationResult>>();
const startRun = (c: Case | undefined): Promise<SimulationResult> | undefined => {
  if (!c) return undefined;
  if (!runs.has(c)) {
    const run = simulateCase(c);
    run.catch(() => undefined); // reported by the case's own beforeAll, not as an unhandled rejection
    runs.set(c, run);
  }
  return runs.get(c);
};
afterAll(async () => {
  for (const run of runs.values()) (await run.catch(() => undefined))?.cleanup();
});

const instanceOf = (c: Case, id: string, tags: Record<string, string>): Boot['instance'] => ({
  instanceId: id,
  region: 'eu-west-1',
  // A JeOS image has no role of its own: the Role tag says which one to apply.
  tags: { Stage: 'test', SecretParameters: 'db/password', ...(c.design === 'jeos' ? { Role: 'api' } : {}), ...tags },
  userData: USER_DATA,
});

async function simulateCase(c: Case): Promise<SimulationResult> {
  const files = await generate(answersFor(c));
  return simulateAsync({
    files,
    folder: c.folder,
    builds: ['base', ...(imageRole(c) ? [`role-${imageRole(c)}`] : [])],
    boots: [
      { name: 'boot1', instance: instanceOf(c, 'i-0000000000000001', {}) },
      { name: 'boot2', instance: instanceOf(c, 'i-0000000000000001', {}) },
      { name: 'other', instance: instanceOf(c, 'i-0000000000000002', { Role: 'web' }), launch: true },
      // An instance of an image that records no role (JeOS: the base image) and names none.
      ...(c.design === 'jeos'
        ? [
            {
              name: 'no-role',
              instance: { ...instanceOf(c, 'i-0000000000000003', {}), tags: { Stage: 'test' } },
              launch: true,
            },
          ]
        : []),
    ],
    ssm: SECRET,
    os: c.os,
    engine: c.imageBuilder ? 'image-builder' : 'packer',
    // Unattended upgrades hold the package manager's lock when each build and the first boot start.
    lockHeldFor: 3,
  });
}

describe.skipIf(Boolean(unavailable)).each(CASES)(
  '$design on $os with $tool, folder at "$folder" (Image Builder: $imageBuilder)',
  (c) => {
    let result: SimulationResult;
    beforeAll(async () => {
      startRun(CASES[CASES.indexOf(c) + 1]);
      result = await startRun(c)!;
    }, 600_000);

    it('builds the baseline and the role image', () => {
      for (const [name, step] of Object.entries(result.steps).filter(([n]) => n.startsWith('build-'))) {
        expect(step.rc, `${name}:\n${step.log}`).toBe(0);
      }
    });

    // Registered only for the cases it applies to, so no test skips for a reason other than a missing tool.
    if (imageRole(c))
      it("the role build's instance boots from the base image, and its bootstrap stands down there", () => {
        const boot = result.steps[`boot-build-role-${imageRole(c)}`]!;
        expect(boot.rc, boot.log).toBe(0);
        expect(boot.log).toMatch(
          new RegExp(
            `build instance ${ROLE_BUILD_INSTANCE} \\(AMI_WIZARD_BUILD_INSTANCE=true in user data\\): standing down`,
          ),
        );
        // Nothing but the metadata service was asked: no update, no configuration tool, no secret.
        expect(result.callsIn(`boot-build-role-${imageRole(c)}`).filter((x) => x.tool !== 'curl')).toEqual([]);
      });

    it('waits for the package manager while another process holds its lock, instead of failing', () => {
      // The holder really held it: a package step of the base build found dpkg's (or rpm's) lock taken
      // after the package lists' lock was let go, and waited for it; the build still succeeded.
      const waited = result.lockWaits.filter(
        (w) => w.step === 'build-base' && w.outcome === 'waited' && /lock-frontend|rpm\.lock/.test(w.file),
      );
      expect(waited.length, JSON.stringify(result.lockWaits)).toBeGreaterThan(0);
      // What failed is only apt-get update, which cannot wait and is tried again.
      expect(result.lockWaits.filter((w) => w.outcome === 'failed' && !w.file.endsWith('lists/lock'))).toEqual([]);
    });

    it('downloads installers only from the sources known to exist, and checks each before it runs', () => {
      const builds = result.calls.filter((x) => x.step.startsWith('build-'));
      const downloads = builds.flatMap((call, at) => {
        const url = call.tool === 'curl' ? call.args.find((a) => /^https?:\/\//.test(a)) : undefined;
        return url && new URL(url).hostname !== '169.254.169.254'
          ? [{ url, file: call.args[call.args.indexOf('-o') + 1]!, at }]
          : [];
      });
      const after = (at: number, test: (x: Call) => boolean) => builds.slice(at + 1).some(test);
      for (const { url, file, at } of downloads) {
        const source = installerSource(url);
        expect(source, `${url} is not in generators/installer-sources.ts`).toBeDefined();
        if (source!.check === 'gpg-signature' && !url.endsWith('.sig')) {
          expect(
            after(at, (x) => x.tool === 'gpg' && x.args.includes('--verify') && x.args.includes(file)),
            `${url}: no gpg --verify of ${file}`,
          ).toBe(true);
        } else if (source!.check === 'published-sha256' && !url.endsWith('.sha256')) {
          expect(
            after(at, (x) => x.tool === 'sha256sum' && x.args.includes('--check')),
            `${url}: no checksum check`,
          ).toBe(true);
        } else if (source!.check === 'gpg-fingerprint') {
          expect(
            after(at, (x) => x.tool === 'gpg' && x.args.includes('--fingerprint')),
            `${url}: no fingerprint check`,
          ).toBe(true);
        }
      }
    });

    it('installs and enables the bootstrap', () => {
      expect(result.file('usr/local/sbin/ami-bootstrap')).toBeDefined();
      expect(result.steps.boot1!.log).toMatch(/^boot: ami-bootstrap.service enabled in \S+/m);
    });

    it("applies the image's own role (or the tagged one) at first boot, from files that exist", () => {
      const boot = result.steps.boot1!;
      expect(boot.rc, boot.log).toBe(0);
      expect(boot.log).toMatch(/role api\b/);
      // Fully baked: nothing to configure at boot; only metadata and the secrets are read.
      if (c.design === 'fully-baked')
        return void expect(result.callsIn('boot1').filter((x) => !['curl', 'aws'].includes(x.tool))).toEqual([]);
      const tools = result.callsIn('boot1').map((x) => x.tool);
      const expected = {
        ansible: 'ansible-pull',
        chef: 'chef-client',
        puppet: 'puppet',
        salt: 'salt-call',
        shell: 'bash',
      }[c.tool];
      if (expected !== 'bash') expect(tools).toContain(expected);
      for (const call of result.callsIn('boot1')) {
        const role = appliedRole(call);
        if (role) expect(role).toBe('api');
      }
    });

    it('puts each package where the placement says: the shared one in the baseline, curl in the role image, jq there or at first boot', () => {
      const built = result.calls.filter((x) => x.step.startsWith('build-'));
      const builtWith = (name: string) => built.some((x) => x.args.includes(name));
      const image = (name: string) => result.file(`var/lib/sim-packages/${name}`) !== undefined;
      // What the first boot installed: the package manager's own calls (shell), or what the tool applied.
      const boot = result
        .callsIn('boot1')
        .filter((x) => ['apt-get', 'dnf'].includes(x.tool) && x.args.includes('install'))
        .flatMap((x) => x.args);
      const atBoot = (name: string) =>
        boot.includes(name) ||
        new RegExp(`^\\S+ \\(stub\\): installed (\\S+ )*${name}( |$)`, 'm').test(result.steps.boot1!.log);
      const where = (name: string) => (image(name) ? 'image' : atBoot(name) ? 'first boot' : 'nowhere');
      const expected = {
        'fully-baked': { nginx: 'image', curl: 'image', jq: 'image' },
        hybrid: { nginx: 'image', curl: 'image', jq: 'first boot' },
        jeos: { nginx: 'first boot', curl: 'first boot', jq: 'first boot' },
      }[c.design];
      expect({ nginx: where('nginx'), curl: where('curl'), jq: where('jq') }, result.steps.boot1!.log).toEqual(
        expected,
      );
      // Hybrid: no build so much as asked for jq, and the baseline's build installed nginx.
      if (c.design === 'hybrid') expect(builtWith('jq')).toBe(false);
      if (c.design !== 'jeos') expect(result.callsIn('build-base').some((x) => x.args.includes('nginx'))).toBe(true);
      if (c.design !== 'jeos') expect(result.callsIn('build-base').some((x) => x.args.includes('curl'))).toBe(false);
    });

    it('refreshes the emptied apt index at boot before a design that installs packages then', () => {
      const calls = result.callsIn('boot1').filter((x) => x.tool !== 'curl');
      const update = calls.findIndex((x) => x.tool === 'apt-get' && x.args.includes('update'));
      // JeOS installs every package at boot; hybrid the role's package placed at launch (jq).
      const installsAtBoot = c.design !== 'fully-baked' && c.os === 'ubuntu-24.04';
      expect(update >= 0, calls.map((x) => `${x.tool} ${x.args.join(' ')}`).join('\n')).toBe(installsAtBoot);
      // The tool that installs the role's packages: the configuration tool, or for shell the role
      // script's own apt-get install (git, which clones the scripts, is the real one and records nothing).
      const tool = {
        ansible: 'ansible-pull',
        chef: 'chef-client',
        puppet: 'puppet',
        salt: 'salt-call',
        shell: 'apt-get',
      }[c.tool];
      const installs = calls.findIndex((x) => x.tool === tool && (c.tool !== 'shell' || x.args.includes('install')));
      if (installsAtBoot)
        expect(installs, calls.map((x) => `${x.tool} ${x.args.join(' ')}`).join('\n')).toBeGreaterThan(update);
    });

    it('asks the tool for the exit code that tells failure from success', () => {
      // puppet apply exits 0 on failed resources without --detailed-exitcodes; salt-call exits 0
      // on failed states without --retcode-passthrough. The other tools fail with a non-zero code.
      const flags: Partial<Record<Case['tool'], [string, string]>> = {
        puppet: ['puppet', '--detailed-exitcodes'],
        salt: ['salt-call', '--retcode-passthrough'],
      };
      const wanted = flags[c.tool];
      const calls = wanted ? result.callsIn('boot1', wanted[0]) : [];
      expect(calls.length).toBe(wanted && c.design !== 'fully-baked' ? 1 : 0);
      for (const call of calls) expect(call.args).toContain(wanted![1]);
    });

    it('reads secrets from /<project>/<Stage tag>/<name> into /run, readable by root only', () => {
      const aws = result.callsIn('boot1', 'aws');
      expect(aws.map((x) => x.args[x.args.indexOf('--name') + 1])).toEqual(['/demo/test/db/password']);
      expect(result.steps.boot1!.log).toMatch(/^secrets: 700 \/run\/ami-wizard\/secrets$/m);
      expect(result.steps.boot1!.log).toMatch(/^secrets: 600 \/run\/ami-wizard\/secrets\/db_password$/m);
    });

    it('after a reboot (an empty /run) the secrets are back, and nothing is applied again', () => {
      const boot = result.steps.boot2!;
      expect(boot.rc, boot.log).toBe(0);
      expect(boot.log).toMatch(/already bootstrapped on i-0000000000000001/);
      expect(boot.log).toMatch(/^secrets: 600 \/run\/ami-wizard\/secrets\/db_password$/m);
      expect(result.callsIn('boot2').filter((x) => !['curl', 'aws'].includes(x.tool))).toEqual([]);
      expect(boot.log).not.toContain(SECRET['/demo/test/db/password']); // never into a log
    });

    if (c.design === 'jeos')
      it('refuses an instance that names no role on an image that records none (exit 20)', () => {
        const boot = result.steps['no-role']!;
        expect(boot.rc, boot.log).toBe(20);
        expect(boot.log).toMatch(/ERROR: no role: this image records none; set the Role tag/);
        expect(result.callsIn('no-role').filter((x) => x.tool !== 'curl' && x.tool !== 'aws')).toEqual([]);
      });

    it('applies the tagged role on an instance whose Role tag says so', () => {
      const boot = result.steps.other!;
      expect(boot.rc, boot.log).toBe(0);
      expect(boot.log).toMatch(/role web\b/);
      for (const call of result.callsIn('other')) {
        const role = appliedRole(call);
        if (role) expect(role).toBe('web');
      }
    });
  },
);

describe.skipIf(Boolean(unavailable)).each([
  { engine: 'packer' as const, os: 'rhel-9' as const },
  { engine: 'image-builder' as const, os: 'ubuntu-24.04' as const },
])(
  'Puppet Core through $engine on $os: the Forge API key installs the agent and stays out of the image',
  ({ engine, os }) => {
    const FORGE_KEY = 'forge-key-4a5b6c7d8e9f';
    let result: SimulationResult;
    beforeAll(async () => {
      const c: Case = {
        design: 'fully-baked',
        os,
        tool: 'puppet',
        folder: '',
        imageBuilder: engine === 'image-builder',
      };
      const a = answersFor(c);
      a.options.puppetDistribution = 'puppet-core';
      result = simulate({
        files: await generate(a),
        folder: '',
        builds: ['base', 'role-api'],
        boots: [
          {
            name: 'boot1',
            instance: { instanceId: 'i-60', region: 'eu-west-1', tags: { Stage: 'test' }, userData: USER_DATA },
          },
        ],
        // Packer: PKR_VAR_puppet_core_forge_key on the build machine; Image Builder: the SSM parameter.
        ...(engine === 'packer'
          ? { packerVars: { puppet_core_forge_key: FORGE_KEY } }
          : { ssm: { '/demo/build/puppet-core-forge-key': FORGE_KEY } }),
        os,
        engine,
      });
    }, 320_000);
    afterAll(() => result?.cleanup());

    it("builds, with the agent from the Puppet Core repository, trusted by Puppet's key", () => {
      for (const [name, step] of Object.entries(result.steps).filter(([n]) => n.startsWith('build-')))
        expect(step.rc, `${name}:\n${step.log}`).toBe(0);
      const installs = result.calls.filter(
        (x) => (x.tool === 'dnf' || x.tool === 'apt-get') && x.args.includes('puppet-agent'),
      );
      expect(installs.length).toBeGreaterThan(0);
      expect(
        result.calls.some(
          (x) => x.tool === 'curl' && x.args.includes('https://yum-puppetcore.puppet.com/public/RPM-GPG-KEY-puppet'),
        ),
      ).toBe(true);
    });

    it('leaves the key in no file of the image (nor in a log)', () => {
      expect(result.filesHolding(FORGE_KEY)).toEqual([]);
      for (const step of Object.values(result.steps)) expect(step.log).not.toContain(FORGE_KEY);
    });
  },
);

describe.skipIf(Boolean(unavailable))('exit codes mean what the header says', () => {
  let result: SimulationResult;
  const base = { region: 'eu-west-1', userData: USER_DATA };
  beforeAll(async () => {
    const c: Case = { design: 'hybrid', os: 'rhel-9', tool: 'puppet', folder: '' };
    result = simulate({
      files: await generate(answersFor(c)),
      folder: '',
      builds: ['base', 'role-api'],
      boots: [
        { name: 'imds-down', instance: { ...base, instanceId: 'i-10', down: true } },
        { name: 'no-source', instance: { instanceId: 'i-20', region: 'eu-west-1' }, launch: true },
        {
          name: 'no-secret',
          instance: { ...base, instanceId: 'i-40', tags: { SecretParameters: 'missing/one' } },
          launch: true,
        },
        { name: 'tool-fails', instance: { ...base, instanceId: 'i-30' }, launch: true },
        { name: 'tool-changed', instance: { ...base, instanceId: 'i-31' }, launch: true },
      ],
      ssm: SECRET,
      os: c.os,
      exitCodes: { 'tool-fails/puppet': 4, 'tool-changed/puppet': 2 },
    });
  }, 320_000);
  afterAll(() => result?.cleanup());

  const expectExit = (step: string, code: number, message: RegExp) => {
    const { rc, log } = result.steps[step]!;
    expect(rc, log).toBe(code);
    expect(log).toMatch(message);
  };
  it('10: no metadata service', () => expectExit('imds-down', 10, /ERROR: no IMDSv2 token/));
  it('20: no configuration source', () => expectExit('no-source', 20, /ERROR: no configuration source/));
  it('40: a secret that cannot be read', () =>
    expectExit('no-secret', 40, /ERROR: cannot read SSM parameter \/demo\/\w+\/missing\/one/));
  it('30: the configuration tool reports failed resources (puppet --detailed-exitcodes 4)', () => {
    const step = result.steps['tool-fails']!;
    expect(step.rc, step.log).toBe(30);
    expect(step.log).toMatch(/puppet apply failed/);
    expect(result.callsIn('tool-fails', 'puppet').map((x) => x.args)).toEqual([
      expect.arrayContaining(['--detailed-exitcodes']),
    ]);
  });
  it('0: puppet --detailed-exitcodes 2 means changes were applied, not a failure', () => {
    const step = result.steps['tool-changed']!;
    expect(step.rc, step.log).toBe(0);
  });
});

describe.skipIf(Boolean(unavailable))(
  'answers that shape the first boot: latest at launch, on-premises, manual steps',
  () => {
    let result: SimulationResult;
    beforeAll(async () => {
      const c: Case = { design: 'hybrid', os: 'ubuntu-24.04', tool: 'shell', folder: '' };
      const a = answersFor(c);
      a.guidance = { ...a.guidance, latestAtLaunch: true, onPremises: true, manualSteps: true };
      a.options.manualCaptureSteps = ['Activate the vendor licence'];
      result = simulate({
        files: await generate(a),
        folder: '',
        builds: ['base', 'role-api'],
        boots: [
          {
            name: 'boot1',
            instance: { instanceId: 'i-50', region: 'eu-west-1', tags: { Stage: 'test' }, userData: USER_DATA },
          },
          {
            name: 'datacentre',
            // No metadata at all: a server in the data centre, set up from the repository.
            instance: { instanceId: 'none', region: 'eu-west-1', down: true },
            onPremises: {
              settings: `AMI_WIZARD_REGION=eu-west-1\nAMI_WIZARD_ROLE=web\nAMI_WIZARD_STAGE=test\nAMI_WIZARD_SECRET_PARAMETERS=db/password\nAMI_WIZARD_CONFIG_SOURCE=${REPOSITORY}\nAMI_WIZARD_INSTANCE_ID=dc1-web-01\n`,
            },
          },
        ],
        ssm: SECRET,
        os: c.os,
      });
    }, 320_000);
    afterAll(() => result?.cleanup());

    it('manual steps: the role build pauses before capture, naming the steps, and still builds', () => {
      const build = result.steps['build-role-api']!;
      expect(build.rc, build.log).toBe(0);
      expect(build.log).toMatch(/breakpoint: Manual steps before capture .*1\. Activate the vendor licence/);
    });

    it('latest at launch: the first boot updates the packages before it applies the role, and says so', () => {
      const boot = result.steps.boot1!;
      expect(boot.rc, boot.log).toBe(0);
      expect(boot.log).toMatch(/latest at launch: updating the installed packages/);
      const calls = result
        .callsIn('boot1')
        .filter((x) => x.tool === 'apt-get')
        .map((x) =>
          x.args
            .filter((a) => a !== '-y')
            .join(' ')
            .replace('-o DPkg::Lock::Timeout=600 ', ''),
        );
      expect(calls.slice(0, 2)).toEqual(['update', 'upgrade']);
    });

    it('on-premises: the same configuration runs on a server without instance metadata, from a settings file', () => {
      const boot = result.steps.datacentre!;
      expect(boot.rc, boot.log).toBe(0);
      expect(boot.log).toMatch(/on-premises: settings from \/etc\/ami-wizard\/settings\.env, no instance metadata/);
      expect(boot.log).toMatch(/instance dc1-web-01 in on-premises \(eu-west-1\), role web, stage test/);
      expect(result.callsIn('datacentre', 'aws').map((x) => x.args[x.args.indexOf('--name') + 1])).toEqual([
        '/demo/test/db/password',
      ]);
      expect(result.callsIn('datacentre', 'curl')).toEqual([]); // never asked the metadata service
    });
  },
);
