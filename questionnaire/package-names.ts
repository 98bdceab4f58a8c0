// What a role's software entry may be: a package name in the grammar of the package manager that
// installs it on the chosen OS. The entries reach apt-get, dnf and choco command lines, Ansible
// tasks and Salt states (both rendered by Jinja), Chef recipes, Puppet manifests and PowerShell, so a
// grammar with no quote, brace, dollar, percent, angle bracket, space or leading dash keeps them
// inert in all of those at once, and never lets a value pass as an option (`-oDPkg::Pre-Invoke=...`,
// `--setopt`, `--source`). No zod here: the quick path checks these too.
import { PLATFORMS } from './platforms.ts';
import type { OperatingSystem, PackageManager } from './platforms.ts';

export type { PackageManager } from './platforms.ts';

export interface PackageGrammar {
  manager: PackageManager;
  /** "an apt package name": how a message names what was expected. */
  noun: string;
  pattern: RegExp;
  /** What the pattern allows, in words, for the message. */
  rule: string;
}

const GRAMMARS: Record<PackageManager, PackageGrammar> = {
  // Debian policy 5.6.1: lower case, digits, + - . (two or more, starting alphanumeric);
  // apt-get also takes :ARCH and =VERSION.
  apt: {
    manager: 'apt',
    noun: 'an apt package name',
    // Not NAME.deb: apt-get may take that for a local package file.
    pattern: /^(?![a-z0-9+.-]*\.deb$)[a-z0-9][a-z0-9+.-]+(?::[a-z0-9-]+)?(?:=[A-Za-z0-9.+~:-]+)?$/,
    rule: 'lower-case letters, digits and + - . (at least two, starting with a letter or digit, not ending in .deb), optionally :ARCH and =VERSION',
  },
  // RPM names: letters, digits and - . _ +; dnf also takes NAME-EPOCH:VERSION-RELEASE.ARCH.
  dnf: {
    manager: 'dnf',
    noun: 'a dnf package name',
    // Not NAME.rpm: dnf takes that for a local package file.
    pattern: /^(?!.*\.rpm$)[A-Za-z0-9][A-Za-z0-9._+-]*(?::[A-Za-z0-9._+~^-]+)?$/,
    rule: 'letters, digits and - . _ + (starting with a letter or digit, not ending in .rpm), optionally NAME-EPOCH:VERSION',
  },
  // Chocolatey package ids (NuGet ids): letters, digits, . _ -; a version is an option, not part of the id.
  choco: {
    manager: 'choco',
    noun: 'a Chocolatey package id',
    // Not NAME.config or NAME.nupkg: choco installs those as a package list or a package file.
    pattern: /^(?!.*\.(?:config|nupkg)$)[A-Za-z0-9][A-Za-z0-9._-]*$/i,
    rule: 'letters, digits and . _ - (starting with a letter or digit, not ending in .config or .nupkg)',
  },
};

/** The grammar of the package manager the platform catalogue (platforms.ts) gives the OS. */
export const packageGrammar = (os: OperatingSystem): PackageGrammar => GRAMMARS[PLATFORMS[os].packageManager];

/**
 * Every entry of every grammar matches this (the shape check of the answers file, before the OS is
 * known); the OS's own grammar is then a rule across fields.
 */
export const ANY_PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+:=~^-]*$/;
