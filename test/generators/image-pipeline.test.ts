// The generated Packer folder read as a golden-image engineer reads it: every answer that the
// guidance ties to the images changes the files the way the guidance says; regions, keys, versions,
// stages and lineage are where they belong. (The real tools check the same folders in
// test/validators; the build-and-boot simulation runs them in test/boot.)
import { describe, expect, it } from 'vitest';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';

async function folder(patch: (a: Record<string, any>) => void = () => undefined) {
  const a = minimalAnswers();
  a.strategy = 'hybrid';
  a.roles = [{ name: 'web', software: ['nginx'] }, { name: 'api' }];
  patch(a);
  const files = await generate(answersFrom(a));
  const map = new Map(files.map((f) => [f.path, f.contents]));
  return {
    paths: files.map((f) => f.path),
    file: (path: string) => map.get(path) ?? '',
    /** Every generated file's text together, for "this appears nowhere". */
    all: files.map((f) => f.contents).join('\n'),
  };
}

describe('every guidance answer shapes the output', () => {
  it('manual steps: a breakpoint before capture in each role build, the steps in decision.md, no unattended CI build', async () => {
    const off = await folder((a) => (a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/b' } }));
    const on = await folder((a) => {
      a.guidance.manualSteps = true;
      a.options = {
        manualCaptureSteps: ['Activate the vendor licence'],
        githubActions: { roleArn: 'arn:aws:iam::111122223333:role/b' },
      };
    });
    expect(off.all).not.toMatch(/provisioner "breakpoint"/);
    expect(on.file('packer/roles.pkr.hcl').match(/provisioner "breakpoint"/g)).toHaveLength(2);
    expect(on.file('packer/roles.pkr.hcl')).toMatch(
      /note += "Manual steps before capture .*1\. Activate the vendor licence/,
    );
    expect(on.file('decision.md')).toMatch(/- Activate the vendor licence/);
    expect(off.file('.github/workflows/ami-build.yml')).toMatch(/^ {2}build:$/m);
    expect(on.file('.github/workflows/ami-build.yml')).not.toMatch(/^ {2}build:$/m);
  });

  it('manual steps in a JeOS design pause the baseline build (its only image)', async () => {
    const jeos = await folder((a) => ((a.strategy = 'jeos'), (a.guidance.manualSteps = true)));
    expect(jeos.file('packer/base.pkr.hcl')).toMatch(/provisioner "breakpoint"/);
  });

  it('latest at launch: the first boot updates the packages, and says so in the log', async () => {
    const off = await folder();
    const on = await folder((a) => (a.guidance.latestAtLaunch = true));
    expect(off.file('bootstrap/ami-bootstrap.sh')).not.toMatch(/latest at launch/);
    // Amazon Linux 2023 (the default OS) locks each image to its release: only --releasever moves it on.
    expect(on.file('bootstrap/ami-bootstrap.sh')).toMatch(
      /log "latest at launch: updating the installed packages"\n(?:.*\n){1,6}dnf -y upgrade --releasever="\$OS_RELEASE"/,
    );
    expect(on.file('bootstrap/ami-bootstrap.sh')).not.toMatch(/dnf -y upgrade --refresh/);
    expect(on.file('decision.md')).toMatch(/AWS advises against `latest` in production/);
    const rhel = await folder(
      (a) => ((a.guidance.latestAtLaunch = true), (a.platform = { os: 'rhel-9', regions: ['eu-west-1'] })),
    );
    expect(rhel.file('bootstrap/ami-bootstrap.sh')).toMatch(/dnf -y upgrade --refresh/);
    expect(on.file('bootstrap/ami-bootstrap.sh')).toMatch(/log "latest at launch: the newest commit of \$CONFIG_REF/);
  });

  it('on-premises: an entry point without instance metadata, settings from a file, documented', async () => {
    const off = await folder();
    const on = await folder((a) => (a.guidance.onPremises = true));
    for (const path of [
      'bootstrap/install-on-premises.sh',
      'bootstrap/ami-bootstrap-local.service',
      'bootstrap/settings.env.example',
    ]) {
      expect(off.paths).not.toContain(path);
      expect(on.paths).toContain(path);
    }
    expect(on.file('bootstrap/ami-bootstrap.sh')).toMatch(
      /SETTINGS_FILE=\$\{AMI_WIZARD_SETTINGS:-\/etc\/ami-wizard\/settings\.env\}/,
    );
    expect(on.file('README.md')).toMatch(/### On-premises servers/);
  });

  it('project.owner becomes an Owner tag; a missing cost center is a visible placeholder', async () => {
    const owned = await folder((a) => ((a.project.owner = 'commerce-team'), (a.project.costCenter = 'CC-1')));
    expect(owned.file('packer/locals.pkr.hcl')).toMatch(/"Owner" += "commerce-team"/);
    expect(owned.file('tagging/tag-policy.json')).toMatch(/"@@assign": "Owner"/);
    expect(owned.file('README.md')).not.toMatch(/placeholder/);
    const unowned = await folder();
    expect(unowned.file('README.md')).toMatch(/`CostCenter` is a placeholder \(`unassigned`\)/);
    expect(unowned.file('decision.md')).toMatch(/placeholder `CostCenter=unassigned`/);
  });
});

describe('regions, keys and copies', () => {
  it('every region after the first, and copyToRegions, get a copy', async () => {
    const f = await folder(
      (a) => ((a.platform = { regions: ['us-east-1', 'us-west-2'] }), (a.options = { copyToRegions: ['eu-west-1'] })),
    );
    expect(f.file('packer/variables.pkr.hcl')).toMatch(/default += "us-east-1"/);
    expect(f.file('packer/base.pkr.hcl')).toMatch(/ami_regions += \["us-west-2", "eu-west-1"\]/);
    expect(f.file('packer/base.pkr.hcl')).toMatch(/aws_polling \{/);
  });

  it('a key ARN with copies: encrypt_boot with a key per copy region, and no second encryption of the launch volume', async () => {
    const arn = (region: string) => `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const f = await folder((a) => {
      a.platform = { regions: ['us-east-1', 'eu-west-1'] };
      a.options = { kmsKeyId: arn('us-east-1'), regionKmsKeyIds: { 'eu-west-1': arn('eu-west-1') } };
    });
    const base = f.file('packer/base.pkr.hcl');
    expect(base).toMatch(/encrypt_boot += true/);
    expect(base).toMatch(new RegExp(`"eu-west-1" = "${arn('eu-west-1').replace(/[/.]/g, '\\$&')}"`));
    expect(base.split('launch_block_device_mappings')[1]).not.toMatch(/encrypted|kms_key_id/);
  });

  it('no copies: the launch volume is encrypted with the key, and encrypt_boot adds no copy', async () => {
    const base = (await folder((a) => (a.options = { kmsKeyId: 'alias/images' }))).file('packer/base.pkr.hcl');
    expect(base).not.toMatch(/encrypt_boot/);
    expect(base.split('launch_block_device_mappings')[1]).toMatch(
      /encrypted += true\n\s+kms_key_id += "alias\/images"/,
    );
  });
});

describe('versions, stages and lineage', () => {
  it('a unique sortable version per build, passed by make, shared by a baseline and its roles', async () => {
    const f = await folder();
    expect(f.file('packer/variables.pkr.hcl')).not.toMatch(/1\.0\.0/);
    expect(f.file('packer/locals.pkr.hcl')).toMatch(
      /version += var\.image_version != "" \? var\.image_version : local\.build_stamp/,
    );
    const make = f.file('packer/Makefile');
    expect(make).toMatch(/^VERSION := \$\(shell date -u \+%Y%m%d%H%M%S\)\$\(shell git rev-parse --short HEAD/m);
    expect(make).toMatch(/^export VERSION$/m);
    expect(make).toMatch(/-var "image_version=\$\(VERSION\)"/);
  });

  it('role images build on the exact baseline id the base build wrote, and make orders base first', async () => {
    const f = await folder();
    expect(f.file('packer/roles.pkr.hcl')).toMatch(/"image-id" = var\.base_ami_id/);
    expect(f.file('packer/roles.pkr.hcl')).not.toMatch(/tag:Version|tag:Role/);
    const make = f.file('packer/Makefile');
    expect(make).toMatch(/^build:\n\t\$\(MAKE\) base\n\t\$\(MAKE\) roles$/m);
    expect(make).toMatch(/base=\$\$\(scripts\/image-id\.sh manifest-base\.json \$\(REGION\)\)/);
    expect(f.file('packer/base.pkr.hcl')).toMatch(/output += "manifest-base\.json"/);
  });

  it('one role source, one build per role, no copies of the source per role', async () => {
    const f = await folder();
    expect(f.paths.filter((p) => /^packer\/role.*\.pkr\.hcl$/.test(p))).toEqual(['packer/roles.pkr.hcl']);
    const roles = f.file('packer/roles.pkr.hcl');
    expect(roles.match(/^source "amazon-ebs" "role"/gm)).toHaveLength(1);
    expect(roles.match(/^build \{/gm)).toHaveLength(2);
    expect(roles.match(/source "source\.amazon-ebs\.role" \{/g)).toHaveLength(2);
  });

  it('images are born at the first stage, whatever stage instances run in; promotion is a make target', async () => {
    const f = await folder((a) => (a.project.stage = 'prod'));
    expect(f.file('packer/locals.pkr.hcl')).toMatch(/"Stage" += "dev"/);
    expect(f.file('bootstrap/ami-bootstrap.sh')).toMatch(/^readonly DEFAULT_STAGE='prod'$/m);
    expect(f.file('packer/Makefile')).toMatch(/^promote:\n\tscripts\/promote-image\.sh "\$\(IMAGE\)" "\$\(STAGE\)"$/m);
  });

  it('tags on the image, its snapshots, the build instance and its volumes alike', async () => {
    const f = await folder();
    for (const file of ['packer/base.pkr.hcl', 'packer/roles.pkr.hcl']) {
      for (const attribute of ['tags', 'snapshot_tags', 'run_tags', 'run_volume_tags']) {
        expect(f.file(file), `${file} ${attribute}`).toMatch(
          new RegExp(`^\\s+${attribute} += local\\.image_tags\\["`, 'm'),
        );
      }
    }
  });

  it('each build downloads what it installed and tests the image before capture', async () => {
    const roles = (await folder()).file('packer/roles.pkr.hcl');
    expect(roles).toMatch(
      /direction += "download"\n\s+source += "\/tmp\/ami-wizard-packages\.txt"\n\s+destination += "packages-web\.txt"/,
    );
    expect(roles).toMatch(/packages += "packages-web\.txt"/);
    expect(roles).toMatch(
      /environment_vars = \["IMAGE_PACKAGES=nginx", "IMAGE_ROLE=web"\]\n\s+script += "scripts\/validate\.sh"/,
    );
  });
});

describe('the build instance', () => {
  it('admits only the builder by default; Session Manager opens no port at all', async () => {
    expect((await folder()).file('packer/base.pkr.hcl')).toMatch(/temporary_security_group_source_public_ip = true/);
    const ssm = (await folder((a) => (a.options = { sessionManager: { instanceProfile: 'packer-build' } }))).file(
      'packer/base.pkr.hcl',
    );
    expect(ssm).toMatch(/ssh_interface += "session_manager"\n\s+iam_instance_profile += "packer-build"/);
    expect(ssm).not.toMatch(/temporary_security_group_source_public_ip/);
  });

  it('JeOS on Amazon Linux starts from the minimal image', async () => {
    const jeos = (await folder((a) => (a.strategy = 'jeos'))).file('packer/base.pkr.hcl');
    expect(jeos).toMatch(/name += "al2023-ami-minimal-2023\.\*-kernel-6\.\*-x86_64"/);
    expect((await folder()).file('packer/base.pkr.hcl')).toMatch(/name += "al2023-ami-2023\.\*-kernel-6\.\*-x86_64"/);
  });

  it('Windows: updates and a restart before the image test, and an internal Chocolatey feed when given', async () => {
    const win = await folder(
      (a) => (
        (a.platform = { os: 'windows-server-2022' }),
        (a.configManagement = 'shell'),
        (a.options = { chocolateySource: 'https://nexus.example.com/repository/choco/' })
      ),
    );
    expect(win.file('packer/plugins.pkr.hcl')).toMatch(/source += "github\.com\/rgl\/windows-update"/);
    expect(win.file('packer/base.pkr.hcl')).toMatch(
      /provisioner "windows-update" \{[\s\S]*provisioner "windows-restart"[\s\S]*scripts\/validate\.ps1/,
    );
    expect(win.file('packer/scripts/baseline.ps1')).toMatch(
      /choco source add --name internal --source 'https:\/\/nexus\.example\.com\/repository\/choco\/'/,
    );
    expect(win.file('packer/versions.auto.pkrvars.hcl')).toMatch(/^chocolatey_version = "\d+\.\d+\.\d+"$/m);
  });

  it('downloaded installers are pinned or checked against the vendor key', async () => {
    const salt = await folder((a) => (a.configManagement = 'salt'));
    expect(salt.file('packer/versions.auto.pkrvars.hcl')).toMatch(/^salt_version += "\d+\.\d+"$/m);
    expect(salt.file('packer/scripts/agents.sh')).toMatch(/sha256sum --check --strict/);
    const ubuntu = await folder((a) => (a.platform = { os: 'ubuntu-24.04' }));
    expect(ubuntu.file('packer/scripts/agents.sh')).toMatch(/937616F3450B7D806CBD9725D58167303B789C72/);
  });
});
