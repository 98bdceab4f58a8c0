#!/usr/bin/env node
// The tools a build or a first boot calls that would reach the network or a real system service,
// stood in for inside the simulated instance. Each one records its call (to /sim/results/calls.jsonl)
// and is honest: it fails where the real tool would fail for the same reason: an option where a
// package name should be, an apt install without a package index, a playbook, cookbook, module or
// state that is not in the checkout, an SSM parameter that does not exist. `sandbox.sh` puts a
// wrapper per tool first on PATH: `exec node /sim/stubs.mjs TOOL "$@"`.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const [tool, ...args] = process.argv.slice(2);
const PACKAGES = '/var/lib/sim-packages'; // what the stub package managers "installed"
const APT_INDEX = '/var/lib/apt/lists/sim-index'; // what `apt-get update` "downloaded"
const exitCodes = JSON.parse(readFileSync('/sim/exit-codes.json', 'utf8')); // TOOL or STEP/TOOL -> forced exit code
const os = JSON.parse(readFileSync('/sim/os.json', 'utf8')); // { packageManager } of the simulated image
const step = process.env.SIM_STEP ?? '';

appendFileSync('/sim/results/calls.jsonl', `${JSON.stringify({ step, tool, args, cwd: process.cwd() })}\n`);

function fail(message, code = 1) {
  process.stderr.write(`${tool} (stub): ${message}\n`);
  process.exit(code);
}
const installed = (name) => existsSync(join(PACKAGES, name));
const listInstalled = () => (existsSync(PACKAGES) ? readdirSync(PACKAGES).sort() : []);
function install(names) {
  mkdirSync(PACKAGES, { recursive: true });
  for (const name of names) writeFileSync(join(PACKAGES, name), '');
}
/** Package names after the options; an option-looking name after `--`, or before it unknown, fails. */
function packageArgs(rest, knownOptions) {
  const names = [];
  let afterDashes = false;
  for (const arg of rest) {
    if (!afterDashes && arg === '--') afterDashes = true;
    else if (!afterDashes && knownOptions.includes(arg)) continue;
    else if (arg.startsWith('-')) fail(`${arg}: an option where a package name should be`, 100);
    else names.push(arg);
  }
  return names;
}
/** The value of `--name VALUE` or `--name=VALUE`. */
function option(name) {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') && args[i].startsWith(`${name}=`) ? args[i].slice(name.length + 1) : args[i + 1];
}
const mustExist = (path, what) => existsSync(path) || fail(`${what} ${path} does not exist`, 1);
const forced = () => exitCodes[`${step}/${tool}`] ?? exitCodes[tool];
/**
 * The role the playbook applies for ami_role, as Ansible would choose it: the include_role whose
 * `when: ami_role == 'NAME'` holds, after the fail task whose `ami_role != 'NAME'` conditions must not
 * all hold. A playbook that names the role any other way (a Jinja expression) applies nothing here.
 */
function playbookRole(playbook, role) {
  const text = readFileSync(playbook, 'utf8');
  const refusal = /ansible\.builtin\.fail:[\s\S]*?when:\n((?:[ \t]+- ami_role != '[^']+'\n)+)/.exec(text);
  if (refusal && ![...refusal[1].matchAll(/'([^']+)'/g)].some((m) => m[1] === role))
    fail(`the playbook refuses ami_role ${role}`);
  const applied = [
    ...text.matchAll(/include_role:\n[ \t]+name: "?([^"\n]+)"?\n[ \t]+when: ami_role == '([^']+)'/g),
  ].filter((m) => m[2] === role);
  if (applied.length !== 1) fail(`the playbook applies ${applied.length} roles for ami_role ${role}`);
  return applied[0][1];
}

/** The strings of a list as the templates write them: YAML's "..." (JSON) or Ruby's and Puppet's '...'. */
const quoted = (text) =>
  [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map((m) =>
    m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2].replace(/\\(.)/g, '$1'),
  );

/**
 * The packages a role's file installs in a phase, read as its tool reads it (the forms the templates
 * write): each package task, resource or state and the phase that guards it. A Salt state applies
 * what it says and what it includes; AMI_PHASE means nothing to Salt.
 */
function rolePackages(roleFile, phase) {
  const text = readFileSync(roleFile, 'utf8');
  if (roleFile.endsWith('.yml')) {
    return text
      .split(/^- /m)
      .slice(1)
      .filter((task) => /ansible\.builtin\.package:/.test(task))
      .flatMap((task) => {
        const when = /^ +when: ami_phase == '(\w+)'$/m.exec(task)?.[1];
        return when === undefined || when === phase
          ? quoted([...task.matchAll(/^ {6}- (".*")$/gm)].map((m) => m[1]).join(' '))
          : [];
      });
  }
  if (roleFile.endsWith('.rb')) {
    return [...text.matchAll(/^package '[^']*' do\n([\s\S]*?)^end$/gm)].flatMap(([, body]) => {
      const when = /only_if \{ phase == '(\w+)' \}/.exec(body)?.[1];
      return when === undefined || when === phase ? quoted(/package_name \[(.*)\]/.exec(body)?.[1] ?? '') : [];
    });
  }
  if (roleFile.endsWith('.pp')) {
    return [...text.matchAll(/if \$facts\['ami_phase'\] (==|!=) '(\w+)' \{\n +package \{ \[(.*)\]:/g)].flatMap(
      ([, op, value, list]) => ((op === '==') === (phase === value) ? quoted(list) : []),
    );
  }
  if (roleFile.endsWith('.sls')) {
    const included = [...text.matchAll(/^ {2}- \.([\w-]+)$/gm)].map((m) =>
      [join(dirname(roleFile), m[1], 'init.sls'), join(dirname(roleFile), `${m[1]}.sls`)].find(existsSync),
    );
    if (included.some((f) => f === undefined)) fail(`${roleFile} includes a state that does not exist`);
    return [
      ...quoted([...text.matchAll(/^ {8}- (".*")$/gm)].map((m) => m[1]).join(' ')),
      ...included.flatMap((f) => rolePackages(f, phase)),
    ];
  }
  fail(`no package reader for ${roleFile}`);
}

/**
 * A configuration tool applying a role: it installs what the role's file says for the phase, and on
 * an apt system whose package index was emptied (the image cleanup does that) the real tool fails
 * with "No package matching", so the stub does too. What it installed is said on standard output.
 */
function applyRole(roleFile, phase) {
  const names = rolePackages(roleFile, phase);
  if (names.length === 0) return;
  if (os.packageManager === 'apt' && !existsSync(APT_INDEX)) {
    fail(
      `No package matching the role's software is available (${roleFile}): the apt index is empty; run apt-get update first`,
      2,
    );
  }
  install(names);
  process.stdout.write(`${tool} (stub): installed ${names.join(' ')}\n`);
}

/**
 * Package managers and another process holding their lock (sandbox.sh `hold`: unattended upgrades on
 * a fresh instance). apt-get update fails at once while the package lists' lock is held, and so do
 * apt-get's other commands and dpkg while dpkg's lock is, as the real ones do, unless apt-get is told to
 * wait for it (-o DPkg::Lock::Timeout=SECONDS); dnf and rpm wait for the lock, as the real ones do.
 */
const DPKG_LOCK = '/var/lib/dpkg/lock-frontend';
const LISTS_LOCK = '/var/lib/apt/lists/lock';
const RPM_LOCK = '/var/lib/rpm/.rpm.lock';
function takeLock(file, waitSeconds) {
  if (!existsSync(file)) return;
  if (spawnSync('flock', ['-n', file, 'true']).status === 0) return;
  // Held: the holder lets go once someone has found it taken; record what this call did about it.
  writeFileSync(file === LISTS_LOCK ? '/run/sim-contended-lists' : '/run/sim-contended-packages', '');
  const free = waitSeconds > 0 && spawnSync('flock', ['-w', String(waitSeconds), file, 'true']).status === 0;
  appendFileSync(
    '/sim/results/lock-waits.jsonl',
    `${JSON.stringify({ step, tool, file, outcome: free ? 'waited' : 'failed' })}\n`,
  );
  if (!free) {
    if (file !== RPM_LOCK) fail(`E: Could not get lock ${file}. It is held by process 4242 (unattended-upgr)`, 100);
    fail(`timed out waiting for ${file}`);
  }
}
/** DPkg::Lock::Timeout as apt.conf.d sets it for every apt client, or 0. */
function aptConfTimeout() {
  const dir = '/etc/apt/apt.conf.d';
  const text = existsSync(dir)
    ? readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n')
    : '';
  return Number(/^DPkg::Lock::Timeout "(\d+)";$/m.exec(text)?.[1] ?? 0);
}
/** apt-get's -o NAME=VALUE options, taken out of the arguments. */
function aptOptions(list) {
  const options = {};
  const rest = [];
  for (let i = 0; i < list.length; i++) {
    const option = list[i] === '-o' ? list[++i] : list[i].startsWith('-o') ? list[i].slice(2) : undefined;
    if (option === undefined) rest.push(list[i]);
    else options[option.slice(0, option.indexOf('='))] = option.slice(option.indexOf('=') + 1);
  }
  return { options, rest };
}

const TOOLS = {
  'apt-get'() {
    const { options, rest: plain } = aptOptions(args);
    const [command, ...rest] = plain.filter((a) => !['-y', '-q', '-qq'].includes(a));
    if (command === 'update')
      takeLock(LISTS_LOCK, 0); // apt has no way to wait for this one
    else if (command !== 'clean') takeLock(DPKG_LOCK, Number(options['DPkg::Lock::Timeout'] ?? aptConfTimeout()));
    if (command === 'update')
      return void (mkdirSync(dirname(APT_INDEX), { recursive: true }), writeFileSync(APT_INDEX, ''));
    if (command === 'clean') return;
    if (!existsSync(APT_INDEX)) fail('E: no package index: run apt-get update first (the lists were emptied)', 100);
    if (command === 'upgrade') return;
    if (command !== 'install') fail(`unknown command ${command}`, 100);
    const names = packageArgs(rest, ['--no-install-recommends']);
    if (names.length === 0) fail('install needs a package name', 100);
    for (const file of names.filter((n) => n.startsWith('/') || n.startsWith('./'))) mustExist(file, 'package file');
    install(names.map((n) => (n.endsWith('.deb') ? basename(n, '.deb') : n.split(/[=:]/)[0])));
  },
  dnf() {
    const [command, ...rest] = args.filter((a) => a !== '-y');
    takeLock(RPM_LOCK, 600);
    if (command === 'clean' || command === 'makecache') return;
    if (command === 'upgrade') return;
    if (command !== 'install') fail(`unknown command ${command}`);
    const names = packageArgs(rest, ['--refresh']);
    if (names.length === 0) fail('install needs a package name');
    if (names.some((n) => n.startsWith('https://')))
      fail('a package installed from a URL is not checked: download it, verify it, then install the file');
    for (const file of names.filter((n) => n.startsWith('/'))) mustExist(file, 'package file');
    install(names.map((n) => (n.endsWith('.rpm') ? basename(n, '.rpm') : n)));
  },
  rpm() {
    if (args[0] !== '-q' && args[0] !== '-qa') takeLock(RPM_LOCK, 600);
    if (args[0] === '-qa')
      return void process.stdout.write(
        listInstalled()
          .map((p) => `${p}\t0-stub\n`)
          .join(''),
      );
    if (args[0] === '-q') return void (installed(args[1]) || process.exit(1));
    if (args[0] === '--import') return void mustExist(args[1], 'key file');
    fail(`unsupported: rpm ${args.join(' ')}`);
  },
  snap() {
    if (args.join(' ') === 'wait system seed.loaded') return;
    if (args[0] === 'list') return void (installed(args[1]) || process.exit(1));
    if (args[0] === 'install') {
      const names = packageArgs(args.slice(1), ['--classic']);
      install(names);
      if (names.includes('aws-cli')) installAwsCommand();
      return;
    }
    fail(`unsupported: snap ${args.join(' ')}`);
  },
  dpkg() {
    if (args[0] === '-s') return void (installed(args[1]) || process.exit(1));
    if (args[0] !== '-i') fail(`unsupported: dpkg ${args.join(' ')}`);
    takeLock(DPKG_LOCK, 0); // dpkg has no way to wait
    mustExist(args[1], 'package file');
    install([basename(args[1], '.deb')]);
  },
  // Downloads get a placeholder: an installer script that succeeds (the tools it installs are stubs).
  curl() {
    const url = args.find((a) => /^https?:\/\//.test(a));
    if (url && new URL(url).hostname === '169.254.169.254') {
      const real = spawnSync('/usr/bin/curl', args, { stdio: 'inherit' });
      process.exit(real.status ?? 1);
    }
    const out = option('-o');
    if (!url || !out) fail(`only downloads with -o FILE are simulated: curl ${args.join(' ')}`);
    // Chef's package metadata: the URL of the package for the asked platform and its SHA-256.
    const chef = new URL(url);
    if (chef.hostname === 'omnitruck.chef.io' && chef.pathname.endsWith('/metadata')) {
      const q = chef.searchParams;
      const file = q.get('p') === 'ubuntu' ? `chef_${q.get('v')}-1_amd64.deb` : `chef-${q.get('v')}-1.el9.x86_64.rpm`;
      const pkg = `https://packages.chef.io/files/stable/chef/${q.get('v')}/${q.get('p')}/${q.get('pv')}/${file}`;
      return void writeFileSync(
        out,
        `url\t${pkg}\nsha256\t${createHash('sha256').update(placeholder(pkg)).digest('hex')}\nversion\t${q.get('v')}\n`,
      );
    }
    // A release's published checksum matches its placeholder download, as the real one matches the real file.
    const checksum = /^(.*)\.sha256$/.exec(url);
    writeFileSync(
      out,
      checksum
        ? `${createHash('sha256').update(placeholder(checksum[1])).digest('hex')}  ${basename(checksum[1])}\n`
        : placeholder(url),
    );
  },
  // gpg checks what can be checked without real signatures. A key given as text (the AWS CLI key in
  // the script) is imported by the real gpg; a key downloaded from a vendor URL arrives as a
  // placeholder, and stands for that vendor's published key (VENDOR_KEYS). --verify needs the key
  // the signature is by to have been imported, and both files.
  gpg() {
    const home = process.env.GNUPGHOME ?? fail('GNUPGHOME is not set');
    const simKeys = join(home, 'sim-keys');
    if (args.includes('--import')) {
      const file = args.at(-1) === '--import' ? undefined : args.at(-1);
      const text = file ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
      const vendor = /^# stub download of (\S+)$/m.exec(text)?.[1];
      if (vendor) {
        if (!Object.hasOwn(VENDOR_KEYS, vendor)) fail(`no vendor key is known at ${vendor}`);
        return void appendFileSync(simKeys, `${VENDOR_KEYS[vendor]}\n`);
      }
      const real = spawnSync('/usr/bin/gpg', args.filter((a) => a !== file).concat(file ? [file] : []), {
        input: file ? undefined : text,
        stdio: [file ? 'inherit' : 'pipe', 'inherit', 'inherit'],
      });
      process.exit(real.status ?? 1);
    }
    // The keyring as the real gpg lists it (keys given as text), plus the vendor keys that arrived as
    // placeholders, each a primary key of its own.
    const real = spawnSync('/usr/bin/gpg', ['--batch', '--with-colons', '--fingerprint'], { encoding: 'utf8' });
    const simulated = existsSync(simKeys) ? readFileSync(simKeys, 'utf8').trim().split('\n') : [];
    const listing =
      real.stdout +
      simulated.map((f) => `pub:-:4096:1:${f.slice(-16)}:0:::-:::scESC::::::23::0:\nfpr:::::::::${f}:\n`).join('');
    const imported = [...listing.matchAll(/^fpr:+([0-9A-F]{40}):/gm)].map((m) => m[1]);
    if (args.includes('--fingerprint') || args.includes('--list-keys')) return void process.stdout.write(listing);
    if (args.includes('--dearmor')) {
      if (imported.length === 0) fail('nothing imported to dearmor');
      return void writeFileSync(option('--output') ?? fail('--dearmor needs --output here'), 'binary keyring\n');
    }
    if (!args.includes('--verify')) fail(`unsupported: gpg ${args.join(' ')}`);
    if (imported.length === 0) fail('no public key for the signature: import the vendor key first', 2);
    for (const file of args.slice(-2)) mustExist(file, 'file to verify');
  },
  // The AWS CLI installer archive: its install program, which puts the CLI in /usr/local/aws-cli.
  unzip() {
    const archive = args.find((a) => a.endsWith('.zip'));
    const dest = option('-d') ?? '.';
    mustExist(archive, 'archive');
    mkdirSync(join(dest, 'aws'), { recursive: true });
    writeFileSync(join(dest, 'aws/install'), '#!/bin/sh\nexec node /sim/stubs.mjs install-aws-cli\n', { mode: 0o755 });
  },
  'install-aws-cli': () => installAwsCommand(),
  // Real checksums, recorded: the check that follows a download (a list from a file, a process
  // substitution or standard input, as the real --check reads it).
  sha256sum() {
    const files = args.filter((a) => !a.startsWith('--'));
    const hash = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
    if (!args.includes('--check') && !args.includes('-c'))
      return void process.stdout.write(files.map((f) => `${hash(f)}  ${f}\n`).join(''));
    const list = readFileSync(files[0] === undefined || files[0] === '-' ? 0 : files[0], 'utf8')
      .trim()
      .split('\n');
    for (const line of list) {
      const [, expected, name] =
        /^([0-9a-f]{64}) {2}(.+)$/.exec(line) ?? fail(`improperly formatted checksum line: ${line}`);
      if (!existsSync(name) || hash(name) !== expected) fail(`${name}: FAILED`);
      process.stdout.write(`${name}: OK\n`);
    }
  },
  sudo() {
    const rest = args[0] === '-E' ? args.slice(1) : args;
    const run = spawnSync(rest[0], rest.slice(1), { stdio: 'inherit' });
    process.exit(run.status ?? 1);
  },
  'cloud-init'() {
    if (args[0] === 'status' || (args[0] === 'clean' && args.every((a) => ['clean', '--logs'].includes(a)))) return;
    fail(`unsupported: cloud-init ${args.join(' ')}`);
  },
  systemctl() {
    if (args[0] === 'daemon-reload') return; // no systemd runs in the simulated instance
    if (args[0] === 'is-enabled') {
      const real = spawnSync('/usr/bin/systemctl', args, { stdio: 'inherit' }); // reads the unit links, offline
      process.exit(real.status ?? 1);
    }
    if (args[0] !== 'enable') fail(`unsupported: systemctl ${args.join(' ')}`);
    for (const unit of args.slice(1)) {
      const name = unit.replace(/\.service$/, '');
      const file = [`/etc/systemd/system/${name}.service`, `/lib/systemd/system/${name}.service`].find(existsSync);
      if (file) execFileSync('/usr/bin/systemctl', ['enable', `${name}.service`], { stdio: 'inherit' });
      else if (!(PROVIDED_BY[name] ?? [name]).some(installed)) fail(`Unit file ${name}.service does not exist.`);
    }
  },
  'ansible-pull'() {
    const url = option('--url');
    const checkout = option('--checkout');
    const directory = option('--directory');
    const playbook = args.at(-1);
    const varsFile = option('--extra-vars')?.replace(/^@/, '');
    if (!url || !checkout || !directory || !varsFile)
      fail('needs --url, --checkout, --directory and --extra-vars @FILE');
    const clone = spawnSync('git', ['clone', '--depth', '1', '--branch', checkout, url, directory], {
      stdio: 'inherit',
    });
    if (clone.status !== 0) fail(`cannot clone ${url}`);
    // key: !unsafe 'value' (the bootstrap marks every value unsafe: never rendered as Jinja)
    const vars = Object.fromEntries(
      readFileSync(varsFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => {
          const [key, value] = l.split(/: (.*)/);
          if (!/^!unsafe '.*'$/.test(value)) fail(`${key} is not marked !unsafe in the vars file`);
          return [key, value.replace(/^!unsafe '|'$/g, '')];
        }),
    );
    mustExist(join(directory, playbook), 'playbook');
    const role = playbookRole(join(directory, playbook), vars.ami_role);
    const tasks = join(directory, dirname(playbook), 'roles', role, 'tasks/main.yml');
    mustExist(tasks, 'role tasks');
    applyRole(tasks, vars.ami_phase);
    process.stdout.write(`ansible-pull (stub): applied role ${role}\n`);
    process.exit(forced() ?? 0);
  },
  'ansible-playbook'() {
    const playbook = args.at(-1);
    mustExist(playbook, 'playbook');
    const vars = option('--extra-vars') ?? '';
    const tasks = join(
      dirname(playbook),
      'roles',
      playbookRole(playbook, /ami_role=(\S+)/.exec(vars)?.[1] ?? '?'),
      'tasks/main.yml',
    );
    mustExist(tasks, 'role tasks');
    applyRole(tasks, /ami_phase=(\S+)/.exec(vars)?.[1]);
  },
  'chef-client'() {
    const cookbooks = /cookbook_path=(.*)/.exec(option('--config-option') ?? '')?.[1];
    const recipe = /^recipe\[(.+)\]$/.exec(option('-o') ?? '')?.[1];
    if (!cookbooks || !recipe) fail('needs --config-option cookbook_path=DIR and -o recipe[NAME]');
    const file = join(cookbooks, recipe, 'recipes/default.rb');
    mustExist(file, 'recipe');
    applyRole(file, process.env.AMI_PHASE ?? 'all');
    process.exit(forced() ?? 0);
  },
  // puppet apply exits 0 even when resources fail, unless --detailed-exitcodes: then 0 no changes,
  // 2 changes, 4 failures, 6 both. A forced code is the detailed one.
  puppet() {
    if (args[0] !== 'apply') fail(`unsupported: puppet ${args.join(' ')}`);
    const modules = option('--modulepath');
    const klass = /^include (\S+)$/.exec(option('-e') ?? '')?.[1];
    if (!modules || !klass) fail('needs --modulepath DIR and -e "include CLASS"');
    const file = join(modules, klass, 'manifests/init.pp');
    mustExist(file, 'module');
    applyRole(file, process.env.FACTER_ami_phase);
    const detailed = forced() ?? 2;
    process.exit(args.includes('--detailed-exitcodes') ? detailed : 0);
  },
  // salt-call --local returns 0 on failed states unless --retcode-passthrough.
  'salt-call'() {
    const root = option('--file-root');
    const state = args[args.indexOf('state.apply') + 1];
    if (!root || !args.includes('--local') || !state) fail('needs --local --file-root DIR state.apply STATE');
    const path = state.split('.');
    const file = [join(root, ...path, 'init.sls'), `${join(root, ...path)}.sls`].find(existsSync);
    if (!file) fail(`state ${state} is not in ${root}`);
    applyRole(file, 'all'); // a state file applies what it says and includes; AMI_PHASE means nothing to Salt
    const code = forced() ?? 0;
    process.exit(args.includes('--retcode-passthrough') ? code : 0);
  },
  // On PATH only where the image has the AWS CLI: shipped with the OS (simulate.ts puts it in
  // /sim/bin), or installed by the build (snap and the installer put it in /usr/local/bin).
  aws() {
    if (args[0] !== 'ssm' || args[1] !== 'get-parameter') fail(`unsupported: aws ${args.join(' ')}`);
    const name = option('--name');
    const parameters = JSON.parse(readFileSync('/sim/ssm.json', 'utf8'));
    if (!Object.hasOwn(parameters, name))
      fail(`An error occurred (ParameterNotFound) when calling the GetParameter operation: ${name}`, 254);
    process.stdout.write(`${parameters[name]}\n`);
  },
};

/** What a download looks like here: a script that succeeds (what it installs is a stub). */
function placeholder(url) {
  return `#!/bin/sh\n# stub download of ${url}\nexit 0\n`;
}

/** Signing keys vendors publish at a URL, by fingerprint (their documentation names it). */
const VENDOR_KEYS = {
  'https://amazoncloudwatch-agent.s3.amazonaws.com/assets/amazon-cloudwatch-agent.gpg':
    '937616F3450B7D806CBD9725D58167303B789C72',
  'https://yum.voxpupuli.org/GPG-KEY-openvox.pub': '0E26429987002418F9513F2A5FB999C2D62FF3D9',
  'https://yum-puppetcore.puppet.com/public/RPM-GPG-KEY-puppet': 'D6811ED3ADEEB8441AF5AA8F4528B6CD9E61EF26',
};

function installAwsCommand() {
  mkdirSync('/usr/local/bin', { recursive: true });
  writeFileSync('/usr/local/bin/aws', '#!/bin/sh\nexec node /sim/stubs.mjs aws "$@"\n', { mode: 0o755 });
}

// Units whose name is not their package's.
const PROVIDED_BY = {
  chronyd: ['chrony'],
  chrony: ['chrony'],
  auditd: ['audit', 'auditd'],
  'amazon-ssm-agent': ['amazon-ssm-agent'],
};

if (!Object.hasOwn(TOOLS, tool)) fail(`no stub for ${tool}`);
TOOLS[tool]();
