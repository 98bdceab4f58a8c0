// The platform catalogue: every operating system ami-wizard supports, and every fact about it, in one
// table. The answers file's OS values, their labels, the package-name grammar, the Windows rules
// (by family, never by name), the wizard's hints and the generators' Packer and Image Builder facts
// all derive from PLATFORMS; test/architecture/os-literals.test.ts fails on an OS id written
// anywhere else. Sources for the image facts: the AWS public SSM parameters under /aws/service/ and
// each vendor's image owner id (Amazon, Canonical 099720109477, Red Hat 309956199498).
// Imports nothing of ours: answer-values.ts and config-tool.ts re-export from here.

export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** The configuration-management tools ami-wizard writes for; each platform says which of them run on it. */
export const CONFIG_TOOLS = ['ansible', 'chef', 'puppet', 'salt', 'shell'] as const;
export type ConfigTool = (typeof CONFIG_TOOLS)[number];

export type Family = 'linux' | 'windows';
/** How a message names a family ("does not run on Windows"). */
export const FAMILY_LABELS: Record<Family, string> = { linux: 'Linux', windows: 'Windows' };

/** The package manager that installs a role's software, in one vocabulary for the grammar and the scripts. */
export type PackageManager = 'apt' | 'dnf' | 'choco';

/** Where the builds find the OS's newest official image, for one architecture. */
export interface PlatformImages {
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
}

export interface Platform {
  label: string;
  family: Family;
  packageManager: PackageManager;
  /** The architectures the OS publishes images for; the answers rules refuse the others. */
  architectures: readonly Architecture[];
  /** The configuration tools that run on it, in the order a message suggests them. */
  configTools: readonly ConfigTool[];
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
  images: (arch: Architecture) => PlatformImages;
}

const ALL_TOOLS = CONFIG_TOOLS;
const smallType = (arch: Architecture): string => (arch === 'arm64' ? 't4g.small' : 't3.small');

/** The OS values of the answers file, in the order the wizard lists them; PLATFORMS has an entry for each. */
export const OPERATING_SYSTEMS = ['amazon-linux-2023', 'ubuntu-24.04', 'rhel-9', 'windows-server-2022'] as const;
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

/** The OS a new project starts from (answer-defaults.ts reads it). */
export const DEFAULT_OS: OperatingSystem = 'amazon-linux-2023';

export const PLATFORMS: Readonly<Record<OperatingSystem, Platform>> = {
  'amazon-linux-2023': {
    label: 'Amazon Linux 2023',
    family: 'linux',
    packageManager: 'dnf',
    architectures: ARCHITECTURES,
    configTools: ALL_TOOLS,
    releaseLocked: true,
    chefPlatform: { name: 'amazon', version: '2023' },
    awsCli: 'preinstalled',
    communicator: 'ssh',
    sshUsername: 'ec2-user',
    rootDevice: '/dev/xvda',
    rootVolumeGiB: 16,
    images: (arch) => ({
      imageNameFilter: `al2023-ami-2023.*-kernel-6.*-${arch}`,
      minimalImageNameFilter: `al2023-ami-minimal-2023.*-kernel-6.*-${arch}`,
      imageOwners: ['amazon'],
      ssmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`,
      minimalSsmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-${arch}`,
      defaultInstanceType: smallType(arch),
    }),
  },
  'ubuntu-24.04': {
    label: 'Ubuntu 24.04 LTS',
    family: 'linux',
    packageManager: 'apt',
    architectures: ARCHITECTURES,
    configTools: ALL_TOOLS,
    releaseLocked: false,
    chefPlatform: { name: 'ubuntu', version: '24.04' },
    awsCli: 'snap',
    communicator: 'ssh',
    sshUsername: 'ubuntu',
    rootDevice: '/dev/sda1',
    rootVolumeGiB: 16,
    images: (arch) => {
      // Debian's name for x86_64.
      const deb = arch === 'x86_64' ? 'amd64' : arch;
      return {
        imageNameFilter: `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${deb}-server-*`,
        imageOwners: ['099720109477'],
        ssmParameter: `/aws/service/canonical/ubuntu/server/24.04/stable/current/${deb}/hvm/ebs-gp3/ami-id`,
        defaultInstanceType: smallType(arch),
      };
    },
  },
  'rhel-9': {
    label: 'Red Hat Enterprise Linux 9',
    family: 'linux',
    packageManager: 'dnf',
    architectures: ARCHITECTURES,
    configTools: ALL_TOOLS,
    releaseLocked: false,
    chefPlatform: { name: 'el', version: '9' },
    awsCli: 'installer',
    communicator: 'ssh',
    sshUsername: 'ec2-user',
    rootDevice: '/dev/sda1',
    rootVolumeGiB: 16,
    images: (arch) => ({
      imageNameFilter: `RHEL-9.*_HVM-*-${arch}-*-Hourly2-GP3`,
      imageOwners: ['309956199498'],
      defaultInstanceType: smallType(arch),
    }),
  },
  'windows-server-2022': {
    label: 'Windows Server 2022',
    family: 'windows',
    packageManager: 'choco',
    architectures: ['x86_64'],
    // ansible-pull does not run on Windows; shell means PowerShell there.
    configTools: ['shell', 'chef', 'puppet', 'salt'],
    releaseLocked: false,
    // Amazon's Windows Server AMIs ship the AWS CLI and the AWS Tools for PowerShell.
    awsCli: 'preinstalled',
    communicator: 'winrm',
    sshUsername: '',
    rootDevice: '/dev/sda1',
    rootVolumeGiB: 50,
    images: () => ({
      imageNameFilter: 'Windows_Server-2022-English-Full-Base-*',
      imageOwners: ['amazon'],
      ssmParameter: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base',
      defaultInstanceType: 't3.medium',
    }),
  },
};

export const OS_LABELS = Object.fromEntries(OPERATING_SYSTEMS.map((os) => [os, PLATFORMS[os].label])) as Record<
  OperatingSystem,
  string
>;

/** The catalogue's entry for an OS. */
export const platformOf = (os: OperatingSystem): Platform => PLATFORMS[os];

/** Whether the OS publishes images for the architecture. */
export const hasArchitecture = (os: OperatingSystem, arch: Architecture): boolean =>
  PLATFORMS[os].architectures.includes(arch);

/** Whether the configuration tool runs on the OS. */
export const runsConfigTool = (os: OperatingSystem, tool: ConfigTool): boolean =>
  PLATFORMS[os].configTools.includes(tool);

/** Everything the builds need to know about one OS on one architecture: the catalogue's entry with its images. */
export type PlatformFacts = Omit<Platform, 'images' | 'architectures' | 'configTools'> & PlatformImages;

export function platformFacts(os: OperatingSystem, arch: Architecture): PlatformFacts {
  const { images, architectures: _architectures, configTools: _configTools, ...facts } = PLATFORMS[os];
  return { ...facts, ...images(arch) };
}
