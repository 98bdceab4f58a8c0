// Windows images and their first boot, read statement by statement (no PowerShell runs here: the
// parse itself is checked by test/validators). What the Linux simulation proves by running, this
// proves by the order of the statements that matter: secrets locked down before any is written,
// metadata retried, the role recorded in the role image and read back, the stage in the SSM path,
// every tool pointed at <ConfigPath>/config, and no WinRM access left in any image.
import { describe, expect, it } from 'vitest';
import type { ConfigTool } from '../../questionnaire/answers-schema.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { buildsIn } from '../boot/packer-builds.ts';
import { fileReader, inOrder, linesOf } from '../support/script-lines.ts';

async function windowsFolder(design: Design, tool: ConfigTool) {
  const a = minimalAnswers();
  a.strategy = design;
  a.configManagement = tool;
  a.platform = { os: 'windows-server-2022' };
  a.roles = [{ name: 'web', software: ['nginx'] }, { name: 'api' }];
  a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build', directory: 'infra/ami' } };
  const files = await generate(answersFrom(a));
  return { files, file: fileReader(files) };
}

describe('the Windows bootstrap', () => {
  it('locks the secrets folder to SYSTEM and Administrators before it writes a secret', async () => {
    const ps = (await windowsFolder('hybrid', 'chef')).file('bootstrap/ami-bootstrap.ps1');
    const order = linesOf(
      ps,
      /New-Item .*\$SecretDir/,
      /^\s*icacls \$SecretDir \/inheritance:r \/grant:r '\*S-1-5-18:\(OI\)\(CI\)F' '\*S-1-5-32-544:\(OI\)\(CI\)F'/,
      /Set-Content .*\$SecretDir/,
    );
    expect(inOrder(order)).toBe(true);
    expect(ps).toMatch(/icacls[^\n]*\n\s*if \(\$LASTEXITCODE -ne 0\) \{ Stop-Bootstrap 40/);
  });

  it('retries the metadata service before giving up with exit 10', async () => {
    const ps = (await windowsFolder('jeos', 'shell')).file('bootstrap/ami-bootstrap.ps1');
    expect(ps).toMatch(
      /foreach \(\$attempt in 1\.\.\d+\) \{\n\s*try \{\n\s*\$Token = Invoke-RestMethod -Method Put[^\n]*\n\s*break/,
    );
    expect(ps).toMatch(/Start-Sleep -Seconds \d+/);
  });

  it('reads secrets under the instance stage', async () => {
    const ps = (await windowsFolder('hybrid', 'puppet')).file('bootstrap/ami-bootstrap.ps1');
    expect(ps).toMatch(/^\$SsmPrefix = "\/\$Project\/\$Stage"$/m);
    expect(inOrder(linesOf(ps, /^\$Stage = Get-Setting/, /^\$SsmPrefix = /))).toBe(true);
  });

  it('falls back to the role the image recorded, and each role image records its own', async () => {
    const { file } = await windowsFolder('hybrid', 'salt');
    expect(file('bootstrap/ami-bootstrap.ps1')).toMatch(/\$recorded = Join-Path \$StateDir/);
    // One role script for every role image; each role's build hands it ROLE.
    expect(file('packer/scripts/role.ps1')).toMatch(
      /^Set-Content -Path 'C:\\ProgramData\\ami-wizard\\role' -Value \$Role$/m,
    );
    expect(file('packer/scripts/role.ps1')).toMatch(/^\$Role = \$env:ROLE$/m);
    for (const role of ['web', 'api'])
      expect(file('packer/roles.pkr.hcl')).toContain(`environment_vars = ["ROLE=${role}", "ROLE_PACKAGES=`);
  });

  it.each(['chef', 'puppet', 'salt', 'shell'] as const)(
    'points %s at <ConfigPath>/config, the folder in the repository',
    async (tool) => {
      const ps = (await windowsFolder('jeos', tool)).file('bootstrap/ami-bootstrap.ps1');
      expect(ps).toMatch(/^\$ConfigPath = Get-Setting 'CONFIG_PATH' 'ConfigPath' 'infra\/ami'$/m);
      expect(ps).toMatch(/^\$ConfigRoot = Join-Path \(Join-Path \$ConfigDir/m);
      expect(ps).not.toMatch(/\$ConfigDir\\(chef|puppet|salt|powershell)/);
      expect(ps).toMatch(/\$ConfigRoot\\(chef|puppet|salt|powershell)|Join-Path \$ConfigRoot/);
    },
  );

  it('asks puppet and salt for exit codes that tell failure from success', async () => {
    expect((await windowsFolder('jeos', 'puppet')).file('bootstrap/ami-bootstrap.ps1')).toMatch(
      /puppet(\.bat')? apply --detailed-exitcodes[^\n]*\n\s*if \(\$LASTEXITCODE -notin 0, 2\)/,
    );
    expect((await windowsFolder('jeos', 'salt')).file('bootstrap/ami-bootstrap.ps1')).toMatch(
      /salt-call(\.exe')? --local --retcode-passthrough/,
    );
  });
});

describe('Windows images carry no WinRM access', () => {
  it.each(['fully-baked', 'hybrid', 'jeos'] as const)(
    '%s: every build ends by scheduling finalize.ps1, which removes WinRM before sysprep',
    async (design) => {
      const { files, file } = await windowsFolder(design, 'chef');
      const vars = { chocolatey_version: '2.3.0' }; // packer/versions.auto.pkrvars.hcl
      const builds = files
        .filter((f) => f.path.endsWith('.pkr.hcl'))
        .flatMap((f) => buildsIn(f.contents, f.path, { vars, locals: {}, root: 'packer' }));
      expect(builds.length).toBe(design === 'jeos' ? 1 : 3);
      for (const build of builds) {
        const [upload, schedule] = build.provisioners.slice(-2);
        expect(upload?.type).toBe('file');
        expect(upload?.attrs).toMatchObject({
          source: 'scripts/finalize.ps1',
          destination: 'C:/ProgramData/ami-wizard/finalize.ps1',
        });
        expect(schedule?.type).toBe('powershell');
        expect((schedule!.attrs.inline as string[]).join('\n')).toMatch(
          /Register-ScheduledTask -TaskName 'ami-wizard-finalize'[^\n]*-User 'SYSTEM'/,
        );
        expect((schedule!.attrs.inline as string[]).join('\n')).not.toMatch(/sysprep/); // sysprep runs in the task, after WinRM is gone
      }
      const finalize = file('packer/scripts/finalize.ps1');
      const order = linesOf(
        finalize,
        /Remove-Item -Path \$listener\.PSPath/,
        /Remove-Item -Path "Cert:\\LocalMachine\\My\\\$thumbprint"/,
        /Auth\\Basic -Value \$false/,
        /Remove-NetFirewallRule -DisplayName 'WinRM HTTPS for Packer'/,
        /ec2launch\.exe" reset --block/,
        /ec2launch\.exe" sysprep --shutdown --block/,
      );
      expect(inOrder(order)).toBe(true);
      // The listener it removes is the one the build's user data made, by the same firewall rule name.
      expect(file('packer/scripts/winrm-listener.ps1')).toMatch(
        /New-NetFirewallRule -DisplayName 'WinRM HTTPS for Packer'/,
      );
    },
  );
});
