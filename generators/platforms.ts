// What each supported OS needs in a Packer build: how to find its current image, how to log in,
// which package manager and root device it uses. Sources: the AWS public SSM parameters
// under /aws/service/ and each vendor's image owner id (Amazon, Canonical 099720109477, Red Hat 309956199498).
import { OS_LABELS } from '../questionnaire/answer-values.ts';
import type { Architecture, OperatingSystem } from '../questionnaire/answer-values.ts';

export interface PlatformFacts {
  family: 'linux' | 'windows';
  packageManager: 'dnf' | 'apt' | 'none';
  /**
   * Each image is locked to its OS release (Amazon Linux 2023): `dnf upgrade` sees only that
   * release's repository, and moving on takes `--releasever` (Amazon Linux 2023 User Guide: deterministic upgrades).
   */
  releaseLocked: boolean;
  /** How Chef's package metadata names this OS (omnitruck's p and pv), where Chef publishes packages for it. */
  chefPlatform?: { name: string; version: string };
  /** How the image gets the AWS CLI the bootstrap reads secrets with (of the Linux images, only Amazon Linux 2023 ships it). */
  awsCli: 'preinstalled' | 'snap' | 'installer';
  communicator: 'ssh' | 'winrm';
  sshUsername: string;
  rootDevice: string;
  rootVolumeGiB: number;
  /** `source_ami_filter` name pattern and owners for the newest official image. */
  imageNameFilter: string;
  imageOwners: string[];
  /**
   * The OS's minimal image (same owners), where it has one that carries what the baseline scripts
   * need: what a JeOS baseline starts from. (Ubuntu's minimal images are left out: the SSM agent and
   * the AWS CLI come as snaps there, which a minimal image does not promise.)
   */
  minimalImageNameFilter?: string;
  /** The AWS public SSM parameter that points at the current image, where one exists. */
  ssmParameter?: string;
  /** The same for the minimal image (a JeOS baseline's parent). */
  minimalSsmParameter?: string;
  defaultInstanceType: string;
  label: string;
}

/**
 * What differs between Linux and Windows in the generated scripts: their language, their mode and
 * which build scripts the baseline image runs. One table, so the generators look the family up
 * here instead of testing it. (The first-boot bootstrap differs in kind, cloud-init against
 * EC2Launch v2, and keeps its own branch in bootstrap.ts.)
 */
export interface FamilyScripts {
  /** Extension of every generated script: shell or PowerShell. */
  ext: 'sh' | 'ps1';
  /** Shell scripts are executable; PowerShell scripts need no mode bit. */
  mode: number;
  /** Template folder of the Packer build scripts. */
  packerTemplates: string;
  /** The build scripts the images run on the build instance (the templates say in which order). */
  packerScripts: readonly string[];
  /** config/ folder for `configManagement: shell`: plain scripts on Linux, PowerShell on Windows. */
  shellFolder: 'shell' | 'powershell';
  /** Prefix of the per-tool partials (agent-, bake-, apply-): Windows has its own set. */
  partialPrefix: '' | 'windows-';
}

/**
 * The base image's own build scripts, in order: the security baseline, the management agents, the
 * packages every role lists (questionnaire/placement.ts: base), then the first-boot bootstrap installed. Packer's base provisioner runs them in one step (its partials
 * list them from here, as `baseScripts`); Image Builder runs all but the last in its Baseline
 * component and the last with the bootstrap files in its Bootstrap component.
 */
export const BASE_SCRIPTS = ['baseline', 'agents', 'base-packages', 'install-bootstrap'] as const;

export const FAMILY_SCRIPTS: Record<PlatformFacts['family'], FamilyScripts> = {
  linux: {
    ext: 'sh',
    mode: 0o755,
    packerTemplates: 'packer/scripts',
    packerScripts: ['wait-for-cloud-init', ...BASE_SCRIPTS, 'role', 'package-list', 'cleanup', 'validate'],
    shellFolder: 'shell',
    partialPrefix: '',
  },
  windows: {
    ext: 'ps1',
    mode: 0o644,
    packerTemplates: 'packer/scripts/windows',
    packerScripts: ['winrm-listener', ...BASE_SCRIPTS, 'role', 'package-list', 'validate', 'finalize'],
    shellFolder: 'powershell',
    partialPrefix: 'windows-',
  },
};

const ARCH_NAMES: Record<Architecture, { ubuntu: string; rhel: string; al: string }> = {
  x86_64: { ubuntu: 'amd64', rhel: 'x86_64', al: 'x86_64' },
  arm64: { ubuntu: 'arm64', rhel: 'arm64', al: 'arm64' },
};

export function platformFacts(os: OperatingSystem, arch: Architecture): PlatformFacts {
  const a = ARCH_NAMES[arch];
  const smallType = arch === 'arm64' ? 't4g.small' : 't3.small';
  switch (os) {
    case 'amazon-linux-2023':
      return {
        family: 'linux',
        packageManager: 'dnf',
        releaseLocked: true,
        chefPlatform: { name: 'amazon', version: '2023' },
        awsCli: 'preinstalled',
        communicator: 'ssh',
        sshUsername: 'ec2-user',
        rootDevice: '/dev/xvda',
        rootVolumeGiB: 16,
        imageNameFilter: `al2023-ami-2023.*-kernel-6.*-${a.al}`,
        minimalImageNameFilter: `al2023-ami-minimal-2023.*-kernel-6.*-${a.al}`,
        imageOwners: ['amazon'],
        ssmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${a.al}`,
        minimalSsmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-${a.al}`,
        defaultInstanceType: smallType,
        label: OS_LABELS[os],
      };
    case 'ubuntu-24.04':
      return {
        family: 'linux',
        packageManager: 'apt',
        releaseLocked: false,
        chefPlatform: { name: 'ubuntu', version: '24.04' },
        awsCli: 'snap',
        communicator: 'ssh',
        sshUsername: 'ubuntu',
        rootDevice: '/dev/sda1',
        rootVolumeGiB: 16,
        imageNameFilter: `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${a.ubuntu}-server-*`,
        imageOwners: ['099720109477'],
        ssmParameter: `/aws/service/canonical/ubuntu/server/24.04/stable/current/${a.ubuntu}/hvm/ebs-gp3/ami-id`,
        defaultInstanceType: smallType,
        label: OS_LABELS[os],
      };
    case 'rhel-9':
      return {
        family: 'linux',
        packageManager: 'dnf',
        releaseLocked: false,
        chefPlatform: { name: 'el', version: '9' },
        awsCli: 'installer',
        communicator: 'ssh',
        sshUsername: 'ec2-user',
        rootDevice: '/dev/sda1',
        rootVolumeGiB: 16,
        imageNameFilter: `RHEL-9.*_HVM-*-${a.rhel}-*-Hourly2-GP3`,
        imageOwners: ['309956199498'],
        defaultInstanceType: smallType,
        label: OS_LABELS[os],
      };
    case 'windows-server-2022':
      return {
        family: 'windows',
        packageManager: 'none',
        releaseLocked: false,
        // Amazon's Windows Server AMIs ship the AWS CLI and the AWS Tools for PowerShell.
        awsCli: 'preinstalled',
        communicator: 'winrm',
        sshUsername: '',
        rootDevice: '/dev/sda1',
        rootVolumeGiB: 50,
        imageNameFilter: 'Windows_Server-2022-English-Full-Base-*',
        imageOwners: ['amazon'],
        ssmParameter: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base',
        defaultInstanceType: 't3.medium',
        label: OS_LABELS[os],
      };
  }
}
