// Every address a generated build downloads an installer from, in one list: what it is, the check
// that runs on the download before anything of it runs, and the day the source and its check were
// last confirmed in the vendor's own documentation or repository (`reference`; read, not downloaded:
// this project's machines reach no vendor site). The build scripts write these addresses; a test holds every URL
// they contain, and every URL a simulated build fetched, to this list and to its check.
// Packages from a signed repository (apt, dnf, snap, Chocolatey's feed) are checked by the package
// manager itself and are not listed.

export type InstallerCheck =
  /** A detached signature, verified with gpg against a key whose fingerprint the script pins. */
  | 'gpg-signature'
  /** A signing key, imported only when its fingerprint is the one the vendor publishes. */
  | 'gpg-fingerprint'
  /** A SHA-256 checksum the vendor publishes beside the download (or in its metadata), compared before use. */
  | 'published-sha256'
  /** The vendor's metadata over HTTPS, which gives the package's URL and SHA-256. */
  | 'checksum-source'
  /** An Authenticode signature, valid and by the named publisher (Windows). */
  | 'authenticode'
  /**
   * An Authenticode signature Windows finds valid (a chain to a trusted root, the file unchanged since
   * it was signed), whoever signed it: the build logs the signer, but no publisher's name is pinned.
   */
  | 'authenticode-valid';

export interface InstallerSource {
  name: string;
  /** Matches the URL with its variable parts (version, architecture) as the scripts write them. */
  url: RegExp;
  check: InstallerCheck;
  /** When the source and its check were last confirmed (and where: the vendor's page). */
  checked: string;
  reference: string;
}

const CHECKED = '2026-12-06';

export const INSTALLER_SOURCES: readonly InstallerSource[] = [
  {
    name: 'CloudWatch agent package and its signature',
    url: /^https:\/\/amazoncloudwatch-agent\.s3\.amazonaws\.com\/(ubuntu|redhat)\/(amd64|arm64)\/latest\/amazon-cloudwatch-agent\.(deb|rpm)(\.sig)?$/,
    check: 'gpg-signature',
    checked: CHECKED,
    reference:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/verify-CloudWatch-Agent-Package-Signature.html',
  },
  {
    name: 'CloudWatch agent signing key (fingerprint 9376 16F3 450B 7D80 6CBD 9725 D581 6730 3B78 9C72)',
    url: /^https:\/\/amazoncloudwatch-agent\.s3\.amazonaws\.com\/assets\/amazon-cloudwatch-agent\.gpg$/,
    check: 'gpg-fingerprint',
    checked: CHECKED,
    reference:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/verify-CloudWatch-Agent-Package-Signature.html',
  },
  {
    name: 'SSM agent package for RHEL and its signature (key 1C5B 395C BE5E 74E2 F1CA 2159 2784 DBF3 88D1 9D46)',
    url: /^https:\/\/s3\.amazonaws\.com\/ec2-downloads-windows\/SSMAgent\/latest\/linux_(amd64|arm64)\/amazon-ssm-agent\.rpm(\.sig)?$/,
    check: 'gpg-signature',
    checked: CHECKED,
    reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/verify-agent-signature.html',
  },
  {
    name: 'AWS CLI v2 installer and its signature',
    url: /^https:\/\/awscli\.amazonaws\.com\/awscli-exe-linux-(x86_64|aarch64)\.zip(\.sig)?$/,
    check: 'gpg-signature',
    checked: CHECKED,
    reference: 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html',
  },
  {
    name: 'salt-bootstrap release script and its checksum (Salt packages then come from packages.broadcom.com)',
    url: /^https:\/\/github\.com\/saltstack\/salt-bootstrap\/releases\/download\/v\d{4}\.\d{2}\.\d{2}\/bootstrap-salt\.(sh|ps1)(\.sha256)?$/,
    check: 'published-sha256',
    checked: CHECKED,
    reference: 'https://github.com/saltstack/salt-bootstrap/releases',
  },
  {
    name: "Chef's package metadata (URL and SHA-256 of the pinned Chef Infra Client)",
    url: /^https:\/\/omnitruck\.chef\.io\/stable\/chef\/metadata\?v=[^&]+&p=(ubuntu|el|amazon)&pv=\d+(\.\d+)?&m=(x86_64|aarch64)$/,
    check: 'checksum-source',
    checked: CHECKED,
    reference: 'https://github.com/chef/omnitruck',
  },
  {
    name: 'Chef Infra Client package, at the URL its metadata gives',
    url: /^https:\/\/packages\.chef\.io\/files\/stable\/chef\/[^/]+\/(ubuntu|el|amazon)\/[^/]+\/chef[-_][^/]+\.(deb|rpm)$/,
    check: 'published-sha256',
    checked: CHECKED,
    reference: 'https://github.com/chef/omnitruck',
  },
  {
    name: 'OpenVox signing key (fingerprint 0E26 4299 8700 2418 F951 3F2A 5FB9 99C2 D62F F3D9)',
    url: /^https:\/\/yum\.voxpupuli\.org\/GPG-KEY-openvox\.pub$/,
    check: 'gpg-fingerprint',
    checked: CHECKED,
    reference: 'https://github.com/OpenVoxProject/openvox-release',
  },
  {
    name: "Puppet's signing key for Puppet Core (fingerprint D681 1ED3 ADEE B844 1AF5 AA8F 4528 B6CD 9E61 EF26)",
    url: /^https:\/\/yum-puppetcore\.puppet\.com\/public\/RPM-GPG-KEY-puppet$/,
    check: 'gpg-fingerprint',
    checked: CHECKED,
    reference: 'https://help.puppet.com/core/current/Content/PuppetCore/enable_the_puppet_platform_repository.htm',
  },
  {
    name: 'Chocolatey installer script',
    url: /^https:\/\/community\.chocolatey\.org\/install\.ps1$/,
    check: 'authenticode',
    checked: CHECKED,
    reference: 'https://docs.chocolatey.org/en-us/choco/setup/',
  },
  {
    name: 'CloudWatch agent for Windows',
    url: /^https:\/\/amazoncloudwatch-agent\.s3\.amazonaws\.com\/windows\/amd64\/latest\/amazon-cloudwatch-agent\.msi$/,
    check: 'authenticode',
    checked: CHECKED,
    reference:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/download-CloudWatch-Agent-on-EC2-Instance-commandline-first.html',
  },
  {
    // Vox Pupuli signs its Windows MSIs; the signer's organization has not been confirmed from a public
    // source, so the build checks the signature's validity and records the signer, and pins no name.
    name: 'OpenVox agent for Windows (MSI), at the pinned version',
    url: /^https:\/\/downloads\.voxpupuli\.org\/windows\/openvox8\/openvox-agent-\d+\.\d+\.\d+-x64\.msi$/,
    check: 'authenticode-valid',
    checked: CHECKED,
    reference: 'https://voxpupuli.org/openvox/install/',
  },
];

/** The list's entry for a URL, or undefined for an address nobody checked. */
export function installerSource(url: string): InstallerSource | undefined {
  return INSTALLER_SOURCES.find((s) => s.url.test(url));
}
