// How a build instance is told apart from an instance launched to serve. The base image enables the
// first-boot bootstrap, and a role build's instance boots from the base image: without a sign, the
// bootstrap would update packages or run the configuration tool while the role build installs (a race
// for the package manager's lock), and the role image could capture half of a first boot. Every
// build instance, in both engines, gets user data holding BUILD_INSTANCE_MARKER on a line of its own;
// the bootstrap reads user data at boot and stands down where it finds it.
import type { PlatformFacts } from './platforms.ts';

export const BUILD_INSTANCE_MARKER = 'AMI_WIZARD_BUILD_INSTANCE=true';

/**
 * The build instances' user data, kept short (Image Builder's recipe holds it base64-encoded on one
 * line). Linux: a shell script whose one command sets a variable. Windows: the marker in a PowerShell
 * block comment, which EC2Launch runs as nothing (Packer's Windows builds carry it in their WinRM user
 * data, scripts/winrm-listener.ps1).
 */
export function buildUserData(family: PlatformFacts['family']): string {
  return family === 'windows'
    ? `<powershell>\n<#\n${BUILD_INSTANCE_MARKER}\n#>\n</powershell>\n`
    : `#!/bin/sh\n${BUILD_INSTANCE_MARKER}\n`;
}
