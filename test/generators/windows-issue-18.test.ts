// Issue 18 on Windows, read statement by statement (no PowerShell runs here: Debian has no pwsh). Each
// test names the defect it holds shut: A build instances stand down, B the Windows Installer lock is
// waited for, C secrets are refreshed at every boot, D no silent default role, E Salt installs and is
// found, F secrets through AWS Tools for PowerShell, G installers run only when their vendor signed them,
// H Puppet is OpenVox from Vox Pupuli's MSI, pinned and checked by Authenticode.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ConfigTool } from '../../questionnaire/answers-schema.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';
import { commentLines, formatProblems, loadPowerShell, userDataScript } from '../support/powershell.ts';
import { packerBuilds } from '../boot/packer-builds.ts';
import { blockAt, fileReader, inOrder, lineOf, linesOf } from '../support/script-lines.ts';

const MARKER = 'AMI_WIZARD_BUILD_INSTANCE=true';
const DESIGNS = ['fully-baked', 'hybrid', 'jeos'] as const;
const TOOLS = ['chef', 'puppet', 'salt', 'shell'] as const;

interface Options {
  latestAtLaunch?: boolean;
  onPremises?: boolean;
}

// Each folder is generated once per file and shared: the tests only read it.
const folders = new Map<string, ReturnType<typeof generateWindowsFolder>>();

function windowsFolder(design: Design, tool: ConfigTool, { latestAtLaunch = true, onPremises = false }: Options = {}) {
  const key = JSON.stringify([design, tool, latestAtLaunch, onPremises]);
  let folder = folders.get(key);
  if (!folder) folders.set(key, (folder = generateWindowsFolder(design, tool, latestAtLaunch, onPremises)));
  return folder;
}

async function generateWindowsFolder(design: Design, tool: ConfigTool, latestAtLaunch: boolean, onPremises: boolean) {
  const a = minimalAnswers();
  a.strategy = design;
  a.configManagement = tool;
  a.builder = 'both';
  a.guidance.latestAtLaunch = latestAtLaunch;
  a.guidance.onPremises = onPremises;
  a.platform = { os: 'windows-server-2022', regions: ['eu-west-1'] };
  a.roles = [{ name: 'web', software: ['nginx', 'dotnet-8.0-runtime'] }, { name: 'api' }];
  const files = await generate(answersFrom(a));
  return { files, file: fileReader(files) };
}

/** Every design x tool, with the options that add the most to the bootstrap. */
const everyFolder = () =>
  Promise.all(
    DESIGNS.flatMap((design) =>
      TOOLS.map(async (tool) => ({
        name: `${design}-${tool}`,
        ...(await windowsFolder(design, tool, { onPremises: design !== 'fully-baked' })),
      })),
    ),
  );

/** The scripts of Image Builder's PowerShell steps, each run as a process of its own. */
function imageBuilderScripts(yaml: string): { component: string; step: string; script: string }[] {
  const template = parseTemplate(yaml);
  return Object.entries(template.Resources as Record<string, { Type: string; Properties: { Data?: string } }>)
    .filter(([, r]) => r.Type === 'AWS::ImageBuilder::Component')
    .flatMap(([component, r]) =>
      (
        parseYaml(r.Properties.Data!).phases as {
          steps: { name: string; action: string; inputs: { commands?: string[] } }[];
        }[]
      ).flatMap((phase) =>
        phase.steps
          .filter((s) => s.action === 'ExecutePowerShell')
          .map((s) => ({ component, step: s.name, script: s.inputs.commands!.join('\n') })),
      ),
    );
}

describe('A: build instances stand down', () => {
  it('the WinRM user data carries the marker on a line of its own, inside a block comment PowerShell skips', async () => {
    const userData = (await windowsFolder('hybrid', 'chef')).file('packer/scripts/winrm-listener.ps1');
    const lines = userData.split(/\r?\n/);
    const at = lines.findIndex((l) => l.startsWith(MARKER));
    expect(at, 'a line-based reader finds the marker').toBeGreaterThan(0);
    expect(lines[at]).toBe(MARKER);
    const script = userDataScript(userData);
    expect(formatProblems(await (await loadPowerShell())(script))).toBe('');
    expect((await commentLines(script)).has(at + 1), 'the marker line is comment to PowerShell').toBe(true);
    expect(lines.slice(0, at).some((l) => l.trim() === '<#')).toBe(true);
    // Code still runs: the listener is not commented out.
    expect((await commentLines(script)).has(lineOf(userData, /^New-Item -Path WSMan:/) + 1)).toBe(false);
  });

  it('the comment check notices a marker that PowerShell would run', async () => {
    const lines = await commentLines('\nWrite-Output 1\n<#\nX=1\n#>\nX=2 # not this\n');
    expect([...lines].sort()).toEqual([3, 4, 5]);
  });

  it.each(DESIGNS)(
    '%s: the bootstrap stands down on the marker before it fetches, updates or configures anything, and records nothing',
    async (design) => {
      const ps = (await windowsFolder(design, 'salt', { onPremises: true })).file('bootstrap/ami-bootstrap.ps1');
      // The whole line, case and all (-ceq): a line that only starts with the marker is not it.
      const check = lineOf(ps, /^if \(.*\$UserData.*\$_\.Trim\(\) -ceq 'AMI_WIZARD_BUILD_INSTANCE=true'/);
      const block = blockAt(ps, check);
      expect(block.join('\n')).toMatch(
        /Write-Log 'build instance \(AMI_WIZARD_BUILD_INSTANCE in user data\): standing down, nothing configured'/,
      );
      expect(block.at(-2)!.trim()).toBe('exit 0');
      expect(block.join('\n')).not.toMatch(/DoneFile/);
      // After the user data is read; before any setting, secret, update, configuration or record.
      const after = [
        /^\s*\$UserData = \[string\] \(Get-Imds 'user-data'\)/,
        /^\s*\$UserData = Get-Content -Path \$SettingsFile/,
      ];
      for (const p of after) expect(lineOf(ps, p)).toBeLessThan(check);
      const later = [
        /Get-SSMParameter -Name/,
        /^\s*Invoke-Choco upgrade all/,
        /SetEnvironmentVariable/,
        /^if \(\(Test-Path \$DoneFile\)/,
        /^Set-Content -Path \$DoneFile/,
        /^\$Role = Get-Setting/,
      ];
      for (const p of later)
        if (ps.split('\n').some((l) => p.test(l)))
          expect(lineOf(ps, p), String(p)).toBeGreaterThan(check + block.length - 1);
      if (design !== 'fully-baked') expect(lineOf(ps, /^git clone/)).toBeGreaterThan(check);
    },
  );
});

describe('B: installs wait for the Windows Installer', () => {
  it('no script calls choco install or upgrade but through Invoke-Choco, which each such script defines', async () => {
    for (const { name, files } of await everyFolder()) {
      for (const f of files.filter((f) => f.path.endsWith('.ps1') && !f.path.startsWith('config/'))) {
        const raw = f.contents.split('\n').filter((l) => /^\s*(&\s*)?choco(\.exe)?\s+(install|upgrade)\b/.test(l));
        expect(raw, `${name} ${f.path}`).toEqual([]);
        if (/^\s*Invoke-Choco\b/m.test(f.contents))
          expect(f.contents.match(/^\s*function Invoke-Choco\b/gm), `${name} ${f.path}`).toHaveLength(1);
      }
    }
  });

  it('Invoke-Choco tries again on exit 1618 for at most 10 minutes, then fails saying why', async () => {
    const { file } = await windowsFolder('fully-baked', 'salt');
    for (const path of ['packer/scripts/role.ps1', 'bootstrap/ami-bootstrap.ps1']) {
      const ps = file(path);
      const fn = blockAt(ps, lineOf(ps, /^function Invoke-Choco/)).join('\n');
      expect(fn).toMatch(/choco @args/);
      expect(fn).toMatch(/\$LASTEXITCODE -ne 1618\) \{ return \}/);
      expect(fn).toMatch(/\.AddMinutes\(10\)/);
      expect(fn).toMatch(/Start-Sleep -Seconds \d+/);
      expect(fn).toMatch(path.startsWith('bootstrap') ? /Stop-Bootstrap 30 "[^"]*1618/ : /throw "[^"]*1618/);
    }
    expect(file('packer/scripts/role.ps1')).toMatch(
      /^\s*Invoke-Choco install -y --no-progress @Packages\n\s*if \(\$LASTEXITCODE -ne 0\)/m,
    );
    expect(file('bootstrap/ami-bootstrap.ps1')).toMatch(
      /^\s*Invoke-Choco upgrade all -y --no-progress\n\s*if \(\$LASTEXITCODE -ne 0\) \{ Stop-Bootstrap 30/m,
    );
  });

  it.each(TOOLS)('%s agents install through Invoke-Choco (base and fully-baked role builds)', async (tool) => {
    const hybrid = await windowsFolder('hybrid', tool);
    expect(hybrid.file('packer/scripts/agents.ps1')).toMatch(/^Invoke-Choco install -y --no-progress git\b/m);
    const baked = await windowsFolder('fully-baked', tool);
    if (tool !== 'shell')
      expect(baked.file('packer/scripts/role.ps1')).toMatch(/^Invoke-Choco install -y --no-progress git\b/m);
  });

  it('every Image Builder step that calls Invoke-Choco defines it (each step is a process of its own)', async () => {
    for (const { name, file } of await everyFolder()) {
      const steps = imageBuilderScripts(file('imagebuilder/image-builder.yaml'));
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps.filter((s) => /^\s*Invoke-Choco\b/m.test(s.script)))
        expect(s.script, `${name} ${s.component} ${s.step}`).toMatch(/^function Invoke-Choco\b/m);
    }
  });

  it('the CloudWatch agent MSI waits the same way, and its exit code is checked', async () => {
    const ps = (await windowsFolder('jeos', 'chef')).file('packer/scripts/baseline.ps1');
    const fn = blockAt(ps, lineOf(ps, /^function Install-Msi/)).join('\n');
    expect(fn).toMatch(/Start-Process -FilePath msiexec\.exe [^\n]*-Wait -PassThru\)\.ExitCode/);
    expect(fn).toMatch(/1618/);
    expect(fn).toMatch(/\.AddMinutes\(10\)/);
    expect(fn).toMatch(/throw "msiexec/);
    expect(ps).not.toMatch(/^Start-Process -FilePath msiexec/m);
  });
});

describe('C: secrets are refreshed at every boot, configuration runs once', () => {
  it.each(DESIGNS)(
    '%s: secrets are fetched before the once-per-instance check returns; the configuration after it',
    async (design) => {
      const ps = (await windowsFolder(design, 'puppet')).file('bootstrap/ami-bootstrap.ps1');
      const [fetch, done, record] = linesOf(
        ps,
        /Get-SSMParameter -Name/,
        /^if \(\(Test-Path \$DoneFile\) -and .*\{ Write-Log "[^"]*"; exit 0 \}$/,
        /^Set-Content -Path \$DoneFile -Value \$InstanceId$/,
      );
      expect(inOrder([fetch!, done!, record!])).toBe(true);
      const onceOnly = [
        /^\s*Invoke-Choco upgrade all/,
        /SetEnvironmentVariable\('AMI_ROLE'/,
        /^git clone/,
        /^(& '[^']*\\)?puppet(\.bat')? apply/,
      ];
      for (const p of onceOnly)
        if (ps.split('\n').some((l) => p.test(l))) expect(lineOf(ps, p), String(p)).toBeGreaterThan(done!);
    },
  );

  it('a secret value goes to its file and nowhere else: never to the log or the console', async () => {
    for (const { name, file } of await everyFolder()) {
      const ps = file('bootstrap/ami-bootstrap.ps1');
      const uses = ps.split('\n').filter((l) => /\$secret\b/i.test(l));
      expect(uses, name).toHaveLength(2);
      expect(uses[0], name).toMatch(
        /^\s*try \{ \$secret = \(Get-SSMParameter -Name "\$SsmPrefix\/\$name" -WithDecryption \$true -Region \$Region\)\.Value \}$/,
      );
      expect(uses[1], name).toMatch(/^\s*Set-Content -Path \(Join-Path \$SecretDir [^)]*\)\) -Value \$secret$/);
    }
  });
});

describe('D: no silent default role', () => {
  it.each(DESIGNS)(
    '%s: a role comes only from a tag, the user data or the image record; else exit 20 saying how to set it',
    async (design) => {
      const ps = (await windowsFolder(design, 'shell')).file('bootstrap/ami-bootstrap.ps1');
      expect(ps).toMatch(/^\$Role = Get-Setting 'ROLE' 'Role' ''$/m);
      const refuse = lineOf(ps, /^if \(-not \$Role\) \{$/);
      const message = ps.split('\n')[refuse + 1]!;
      expect(message).toMatch(/^\s*Stop-Bootstrap 20 '/);
      expect(message).toMatch(/Role tag/);
      expect(message).toMatch(/instance metadata tags/);
      expect(message).toMatch(/AMI_WIZARD_ROLE=/);
      // Refused before any secret, update or configuration.
      for (const p of [
        /Get-SSMParameter -Name/,
        /^\s*Invoke-Choco upgrade all/,
        /SetEnvironmentVariable/,
        /^Set-Content -Path \$DoneFile/,
      ]) {
        if (ps.split('\n').some((l) => p.test(l))) expect(lineOf(ps, p), String(p)).toBeGreaterThan(refuse);
      }
      // The image's record is still read (role images name their role).
      expect(ps).toMatch(/\$recorded = Join-Path \$StateDir/);
    },
  );

  it('on premises the role comes from the settings file, and the message says so', async () => {
    const ps = (await windowsFolder('jeos', 'chef', { onPremises: true })).file('bootstrap/ami-bootstrap.ps1');
    expect(ps).toMatch(/^\s*\$UserData = Get-Content -Path \$SettingsFile -Raw$/m);
    expect(ps.split('\n')[lineOf(ps, /^if \(-not \$Role\)/) + 1]).toMatch(/settings\.env/);
  });
});

describe('E: Salt on Windows', () => {
  it.each(['hybrid', 'jeos'] as const)(
    '%s: the agent comes from salt-bootstrap pinned and checked, never from the saltminion package',
    async (design) => {
      const ps = (await windowsFolder(design, 'salt')).file('packer/scripts/agents.ps1');
      expect(ps).not.toMatch(/saltminion/);
      const order = linesOf(
        ps,
        /^\$saltBootstrapUrl = "https:\/\/github\.com\/saltstack\/salt-bootstrap\/releases\/download\/\$env:SALT_BOOTSTRAP_VERSION\/bootstrap-salt\.ps1"$/,
        /^Invoke-WebRequest -UseBasicParsing -Uri \$saltBootstrapUrl -OutFile \$saltBootstrap$/,
        /^Invoke-WebRequest -UseBasicParsing -Uri "\$saltBootstrapUrl\.sha256" -OutFile "\$saltBootstrap\.sha256"$/,
        /^if \(\(Get-FileHash -Path \$saltBootstrap -Algorithm SHA256\)\.Hash -ne \$published\) \{$/,
        /^\s+throw "bootstrap-salt\.ps1 of \$env:SALT_BOOTSTRAP_VERSION does not match its published checksum"$/,
        /^& \$saltBootstrap -Version \$env:SALT_VERSION -RunService \$false$/,
        /^if \(\$LASTEXITCODE -ne 0\) \{ throw "bootstrap-salt\.ps1 /,
        /^\$env:Path = \[Environment\]::GetEnvironmentVariable\('Path', 'Machine'\) \+ ';' \+ \[Environment\]::GetEnvironmentVariable\('Path', 'User'\)$/,
      );
      expect(inOrder(order)).toBe(true);
    },
  );

  it('salt-call is called by its full path, at boot and in a fully-baked build (where Salt was installed by the same session)', async () => {
    const salt =
      /^& 'C:\\Program Files\\Salt Project\\Salt\\salt-call\.exe' --local --retcode-passthrough --file-root "\$Config(Root|Dir)\\salt" state\.apply \$(State|Role)$/m;
    expect((await windowsFolder('jeos', 'salt')).file('bootstrap/ami-bootstrap.ps1')).toMatch(salt);
    const role = (await windowsFolder('fully-baked', 'salt')).file('packer/scripts/role.ps1');
    expect(role).toMatch(salt);
    expect(inOrder(linesOf(role, /^& \$saltBootstrap /, /^\$env:Path = /, /salt-call\.exe/))).toBe(true);
  });

  it('the Salt versions are pinned in versions.auto.pkrvars.hcl and reach every build, a salt-bootstrap release that downloads from packages.broadcom.com', async () => {
    const { files, file } = await windowsFolder('fully-baked', 'salt');
    const pinned = file('packer/versions.auto.pkrvars.hcl');
    const tag = /^salt_bootstrap_version\s*=\s*"(v(\d{4})\.(\d{2})\.(\d{2}))"$/m.exec(pinned);
    expect(tag, pinned).not.toBeNull();
    // Salt's packages moved to packages.broadcom.com; bootstrap-salt.ps1 follows from v2024.11.07.
    expect(`${tag![2]}${tag![3]}${tag![4]}` >= '20241107').toBe(true);
    expect(pinned).toMatch(/^salt_version\s*=\s*"\d{4}\.\d+"$/m);
    const dir = tempDir();
    try {
      writeFiles(dir.dir, files);
      const builds = packerBuilds(`${dir.dir}/packer`);
      expect(builds.map((b) => b.name).sort()).toEqual(['base', 'role-api', 'role-web']);
      for (const build of builds) {
        const env = build.provisioners.flatMap((p) =>
          Array.isArray(p.attrs.environment_vars) ? p.attrs.environment_vars : [],
        );
        expect(env, build.name).toContain(`SALT_BOOTSTRAP_VERSION=${tag![1]}`);
        expect(
          env.some((e) => /^SALT_VERSION=\d{4}\.\d+$/.test(e)),
          build.name,
        ).toBe(true);
      }
    } finally {
      dir.cleanup();
    }
    const role = imageBuilderScripts(file('imagebuilder/image-builder.yaml')).find((s) => s.step === 'Role')!;
    expect(role.script).toMatch(new RegExp(`^\\$env:SALT_BOOTSTRAP_VERSION = '${tag![1]}'$`, 'm'));
  });

  it("the role's software is installed by chocolatey.installed on Windows (pkg.installed needs a winrepo), and Linux keeps pkg.installed", async () => {
    // Fully baked: software.sls holds every package the role image carries (JeOS's are all in launch.sls).
    const { file } = await windowsFolder('fully-baked', 'salt');
    const sls = file('config/salt/web/software.sls');
    expect(sls).not.toMatch(/pkg\.installed/);
    const states = parseYaml(sls) as Record<string, Record<string, unknown[]>>;
    const installed = Object.values(states).map((s) => s['chocolatey.installed']);
    expect(
      installed.map(
        (args) => (args!.find((a) => typeof a === 'object' && a !== null && 'name' in a) as { name: string }).name,
      ),
    ).toEqual(['nginx', 'dotnet-8.0-runtime']);
    for (const args of installed)
      expect(args).toContainEqual({ retry: { attempts: expect.any(Number), interval: expect.any(Number) } });

    const a = minimalAnswers();
    Object.assign(a, {
      strategy: 'fully-baked',
      configManagement: 'salt',
      platform: { os: 'ubuntu-24.04' },
      roles: [{ name: 'web', software: ['nginx', 'g++'] }],
    });
    const linux = (await generate(answersFrom(a))).find((f) => f.path === 'config/salt/web/software.sls')!.contents;
    expect(linux).toBe(
      '# Role web: the packages its images carry.\nweb-software:\n  pkg.installed:\n    - pkgs:\n        - "nginx"\n        - "g++"\n',
    );
  });
});

describe('F: secrets through AWS Tools for PowerShell', () => {
  it.each(DESIGNS)('%s: Get-SSMParameter, checked to exist first (exit 40); no aws CLI call', async (design) => {
    const ps = (await windowsFolder(design, 'chef')).file('bootstrap/ami-bootstrap.ps1');
    expect(ps).not.toMatch(/^\s*(&\s*)?aws(\.exe)?\s/m);
    const [check, fetch] = linesOf(
      ps,
      /^\s*if \(-not \(Get-Command -Name Get-SSMParameter -ErrorAction SilentlyContinue\)\) \{$/,
      /Get-SSMParameter -Name/,
    );
    expect(ps.split('\n')[check! + 1]).toMatch(/^\s*Stop-Bootstrap 40 '[^']*AWS Tools for PowerShell/);
    expect(check).toBeLessThan(fetch!);
    expect(ps.split('\n')[fetch! + 1]).toMatch(/^\s*catch \{ Stop-Bootstrap 40 "cannot read SSM parameter /);
  });
});

describe('G: installers run only when their vendor signed them', () => {
  it('the CloudWatch agent MSI and the Chocolatey installer are files checked by Authenticode before they run', async () => {
    const ps = (await windowsFolder('hybrid', 'chef')).file('packer/scripts/baseline.ps1');
    expect(ps).not.toMatch(/Invoke-Expression|\biex\b|DownloadString/);
    const fn = blockAt(ps, lineOf(ps, /^function Assert-Signed/)).join('\n');
    expect(fn).toMatch(/Get-AuthenticodeSignature -FilePath \$Path/);
    expect(fn).toMatch(/\.Status -ne 'Valid'/);
    expect(fn).toMatch(/\$Publishers -cnotcontains \$organization/);
    expect(fn).toMatch(/throw /);
    const msi = linesOf(
      ps,
      /^Invoke-WebRequest -UseBasicParsing -Uri 'https:\/\/amazoncloudwatch-agent\.s3\.amazonaws\.com\/[^']*\.msi' -OutFile \$msi$/,
      /^Assert-Signed \$msi 'Amazon\.com Services LLC', 'Amazon\.com, Inc\.', 'Amazon Web Services, Inc\.'$/,
      /^Install-Msi \$msi$/,
    );
    expect(inOrder(msi)).toBe(true);
    const choco = linesOf(
      ps,
      /^\$env:chocolateyVersion = \$env:CHOCOLATEY_VERSION$/,
      /^Invoke-WebRequest -UseBasicParsing -Uri 'https:\/\/community\.chocolatey\.org\/install\.ps1' -OutFile \$installer$/,
      /^Assert-Signed \$installer 'Chocolatey Software, Inc\.'$/,
      /^& \$installer$/,
    );
    expect(inOrder(choco)).toBe(true);
  });

  it('the signer check takes the organization exactly, as Windows writes it (quoted when it holds a comma)', () => {
    // The extraction Assert-Signed does, as .NET's regex reads it (JavaScript's agrees here).
    const organization = (subject: string) => {
      const m = /(?:^|, )O=(?:"([^"]*)"|([^,]*))/.exec(subject);
      return m ? `${m[1] ?? ''}${m[2] ?? ''}` : '';
    };
    expect(organization('CN=Amazon.com Services LLC, O=Amazon.com Services LLC, L=Seattle, S=Washington, C=US')).toBe(
      'Amazon.com Services LLC',
    );
    expect(
      organization('CN="Chocolatey Software, Inc.", O="Chocolatey Software, Inc.", L=Topeka, S=Kansas, C=US'),
    ).toBe('Chocolatey Software, Inc.');
    for (const other of [
      'CN=Amazon, O=Evil Corp',
      'CN=x, O=Amazonia Ltd',
      'CN=x, O="Chocolatey Software, Inc. Pirates"',
    ]) {
      expect(['Amazon.com Services LLC', 'Chocolatey Software, Inc.']).not.toContain(organization(other));
    }
  });
});

describe('H: Puppet on Windows is OpenVox, from its MSI at the pinned version', () => {
  const PUPPET =
    /^& 'C:\\Program Files\\Puppet Labs\\Puppet\\bin\\puppet\.bat' apply --detailed-exitcodes --modulepath "\$Config(Root|Dir)\\puppet\\modules" -e "include role_\$\(\$Role -replace '-', '_'\)"$/m;
  /** The script that installs the agent: the baseline's agents step, or a fully-baked role's own. */
  const agentScript = (design: Design) =>
    design === 'fully-baked' ? 'packer/scripts/role.ps1' : 'packer/scripts/agents.ps1';

  it.each(DESIGNS)(
    '%s: downloads the pinned MSI, checks its Authenticode signature, then installs it with msiexec; never choco puppet-agent',
    async (design) => {
      const ps = (await windowsFolder(design, 'puppet')).file(agentScript(design));
      expect(ps).not.toMatch(/puppet-agent/);
      expect(ps).toMatch(/^Invoke-Choco install -y --no-progress git\n\s*if \(\$LASTEXITCODE -ne 0\) \{ throw /m);
      const order = linesOf(
        ps,
        /^if \(-not \$env:OPENVOX_AGENT_VERSION\) \{ throw '[^']*versions\.auto\.pkrvars\.hcl[^']*' \}$/,
        /^\$openvoxUrl = "https:\/\/downloads\.voxpupuli\.org\/windows\/openvox8\/openvox-agent-\$env:OPENVOX_AGENT_VERSION-x64\.msi"$/,
        /^Invoke-WebRequest -UseBasicParsing -Uri \$openvoxUrl -OutFile \$openvoxMsi$/,
        /^\$signature = Get-AuthenticodeSignature -FilePath \$openvoxMsi$/,
        /^if \(\$signature\.Status -ne 'Valid'\) \{ throw "[^"]*" \}$/,
        /^Write-Output "[^"]*\$\(\$signature\.SignerCertificate\.Subject\)[^"]*"$/,
        /^Install-Msi \$openvoxMsi 'PUPPET_AGENT_STARTUP_MODE=Disabled'$/,
        /^\$env:Path = \[Environment\]::GetEnvironmentVariable\('Path', 'Machine'\) \+ ';' \+ \[Environment\]::GetEnvironmentVariable\('Path', 'User'\)$/,
      );
      expect(inOrder(order)).toBe(true);
      // Nothing of the MSI runs before the signature check: msiexec starts only inside Install-Msi.
      const fn = lineOf(ps, /^function Install-Msi/);
      const starts = ps
        .split('\n')
        .flatMap((l, i) => (/^\s*(&\s*)?msiexec\b|Start-Process\b[^\n]*msiexec/.test(l) ? [i] : []));
      expect(starts).toHaveLength(1);
      expect(starts[0]! > fn && starts[0]! < fn + blockAt(ps, fn).length).toBe(true);
      // The signer's organization is not pinned, and the script says why.
      expect(ps).toMatch(/^#[^\n]*not pinned/m);
    },
  );

  it('Install-Msi, defined where it is used, passes the properties and tries again on exit 1618 for at most 10 minutes', async () => {
    for (const design of DESIGNS) {
      const ps = (await windowsFolder(design, 'puppet')).file(agentScript(design));
      expect(ps.match(/^function Install-Msi\b/gm), design).toHaveLength(1);
      const fn = blockAt(ps, lineOf(ps, /^function Install-Msi/)).join('\n');
      expect(fn).toMatch(/^function Install-Msi\(\[string\] \$Path, \[string\[\]\] \$Properties = @\(\)\) \{$/m);
      expect(fn).toMatch(
        /Start-Process -FilePath msiexec\.exe -ArgumentList \(@\('\/i', "`"\$Path`"", '\/qn', '\/norestart'\) \+ \$Properties\) -Wait -PassThru\)\.ExitCode/,
      );
      expect(fn).toMatch(/if \(\$code -in 0, 3010\) \{ return \}/);
      expect(fn).toMatch(/if \(\$code -ne 1618 -or \(Get-Date\) -gt \$deadline\) \{ throw "msiexec/);
      expect(fn).toMatch(/\.AddMinutes\(10\)/);
      expect(fn).toMatch(/Start-Sleep -Seconds \d+/);
      expect(lineOf(ps, /^function Install-Msi/)).toBeLessThan(lineOf(ps, /^Install-Msi \$openvoxMsi/));
    }
  });

  it('puppet is called by its full path, at boot and in a fully-baked build (where OpenVox was installed by the same session)', async () => {
    for (const design of DESIGNS) {
      const { files } = await windowsFolder(design, 'puppet');
      for (const f of files.filter((f) => f.path.endsWith('.ps1')))
        expect(f.contents, `${design} ${f.path}`).not.toMatch(/^\s*puppet\s/m);
    }
    expect((await windowsFolder('jeos', 'puppet')).file('bootstrap/ami-bootstrap.ps1')).toMatch(PUPPET);
    const role = (await windowsFolder('fully-baked', 'puppet')).file('packer/scripts/role.ps1');
    expect(role).toMatch(PUPPET);
    expect(inOrder(linesOf(role, /^Install-Msi \$openvoxMsi /, /^\$env:Path = /, /puppet\.bat' apply/))).toBe(true);
  });

  it.each(DESIGNS)(
    '%s: the version is pinned in versions.auto.pkrvars.hcl and reaches every build that installs OpenVox as a value, in Packer and in Image Builder',
    async (design) => {
      const { files, file } = await windowsFolder(design, 'puppet');
      const pinned = file('packer/versions.auto.pkrvars.hcl');
      expect(pinned).toMatch(/^openvox_agent_version\s*=\s*"8\.25\.0"$/m);
      expect(file('packer/variables.pkr.hcl')).toMatch(/variable "openvox_agent_version" \{/);
      const dir = tempDir();
      try {
        writeFiles(dir.dir, files);
        // Packer evaluates ${var.openvox_agent_version}: a team's override reaches the scripts.
        for (const [overrides, version] of [
          [{}, '8.25.0'],
          [{ openvox_agent_version: '8.23.1' }, '8.23.1'],
        ] as const) {
          const builds = packerBuilds(`${dir.dir}/packer`, overrides);
          const installing = builds.filter((b) => (design === 'fully-baked' ? b.name !== 'base' : b.name === 'base'));
          expect(installing.length).toBeGreaterThan(0);
          for (const build of installing) {
            const env = build.provisioners.flatMap((p) =>
              Array.isArray(p.attrs.environment_vars) ? p.attrs.environment_vars : [],
            );
            expect(env, build.name).toContain(`OPENVOX_AGENT_VERSION=${version}`);
          }
        }
      } finally {
        dir.cleanup();
      }
      const steps = imageBuilderScripts(file('imagebuilder/image-builder.yaml')).filter((s) =>
        /\$env:OPENVOX_AGENT_VERSION\b/.test(s.script),
      );
      expect(steps.map((s) => s.step)).toContain(design === 'fully-baked' ? 'Role' : 'Agents');
      for (const s of steps) {
        expect(s.script, `${s.component} ${s.step}`).toMatch(/^\$env:OPENVOX_AGENT_VERSION = '8\.25\.0'$/m);
        expect(s.script, `${s.component} ${s.step}`).not.toContain('${');
      }
    },
  );

  it('only Windows images with Puppet pin an OpenVox version', async () => {
    expect((await windowsFolder('jeos', 'chef')).file('packer/versions.auto.pkrvars.hcl')).not.toMatch(/openvox/);
    const a = minimalAnswers();
    Object.assign(a, {
      strategy: 'jeos',
      configManagement: 'puppet',
      platform: { os: 'ubuntu-24.04' },
      roles: [{ name: 'web', software: [] }],
    });
    const linux =
      (await generate(answersFrom(a))).find((f) => f.path === 'packer/versions.auto.pkrvars.hcl')?.contents ?? '';
    expect(linux).not.toMatch(/openvox_agent_version/);
  });

  it('decision.md names OpenVox for Windows, its MSI pinned and checked by Authenticode', async () => {
    const decision = (await windowsFolder('hybrid', 'puppet')).file('decision.md');
    const section = decision.slice(decision.indexOf('### Which Puppet'));
    expect(section).toMatch(/OpenVox/);
    expect(section).toMatch(/MSI/);
    expect(section).toMatch(/Authenticode/);
    expect(section).toMatch(/openvox_agent_version/);
    expect(decision).not.toMatch(/Chocolatey's `puppet-agent`/);
  });
});

describe('every Windows script', () => {
  it('parses, and holds no literal ${ (pinned versions arrive as $env:NAME)', async () => {
    const parse = await loadPowerShell();
    const failures: string[] = [];
    for (const options of [{}, { latestAtLaunch: false }, { onPremises: true }]) {
      for (const design of DESIGNS) {
        for (const tool of TOOLS) {
          const { files } = await windowsFolder(design, tool, options);
          for (const f of files.filter((f) => f.path.endsWith('.ps1'))) {
            expect(f.contents, `${design}-${tool} ${f.path}`).not.toContain('${');
            const problems = parse(f.path.endsWith('winrm-listener.ps1') ? userDataScript(f.contents) : f.contents);
            if (problems.length)
              failures.push(`${design}-${tool} ${JSON.stringify(options)} ${f.path}\n${formatProblems(problems)}`);
          }
        }
      }
    }
    expect(failures.join('\n\n')).toBe('');
  });
});
