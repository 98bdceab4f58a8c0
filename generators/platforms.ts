// What the generators add to the platform catalogue (questionnaire/platforms.ts, where every fact
// about an OS lives): the scripts each OS family runs. platformFacts, the catalogue's entry for one
// architecture, is re-exported for the generators.
import type { Family } from '../questionnaire/platforms.ts';

export { platformFacts } from '../questionnaire/platforms.ts';
export type { PlatformFacts } from '../questionnaire/platforms.ts';

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

export const FAMILY_SCRIPTS: Record<Family, FamilyScripts> = {
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
