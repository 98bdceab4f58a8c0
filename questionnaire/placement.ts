// What goes where: for each package the roles list, whether the shared baseline carries it, the role
// image does, or the first boot installs it, and why. AWS's guidance for a hybrid design: the decision
// "is typically based on how reusable the underlying software package is across all instances and how
// long it takes to download, install, and configure the software component"; include management
// agents and baseline security in the AMI, and the software of each role in role-specific AMIs, to
// reduce launch times; merge "frequently changing software (such as application code or security
// updates) with infrequently changing software". Pure: the generators and decision.md read the table.
import type { ConfigTool } from './config-tool.ts';
import type { Design } from './questions.ts';

/** How often a new version of a package is wanted, least often first. */
export const CHANGE_RATES = ['rarely', 'monthly', 'weekly', 'daily'] as const;
export type ChangeRate = (typeof CHANGE_RATES)[number];

export type Placement = 'base' | 'role-image' | 'launch';

/** The numbers placement decides by, in one place: the answers schema's bounds and defaults too. */
export const PLACEMENT_LIMITS = {
  /** installMinutes when an entry gives none: a package from the OS's repositories. */
  defaultInstallMinutes: 2,
  /** The longest install an entry may state (four hours). */
  maxInstallMinutes: 240,
  /** changes when an entry gives none. */
  defaultChanges: 'monthly' as ChangeRate,
  /** A hybrid design pulls a package at first boot only when it installs in at most this many minutes... */
  launchMaxMinutes: 5,
  /** ...and a new version is wanted at least this often. */
  launchChanges: ['weekly', 'daily'] as readonly ChangeRate[],
} as const;

/** A roles[].software entry: a package name, or the name with how long it installs and how often it changes. */
export type SoftwareEntry =
  | string
  | { name: string; installMinutes?: number | undefined; changes?: ChangeRate | undefined };

export interface RoleSoftware {
  name: string;
  software: readonly SoftwareEntry[];
}

/** One line of the table: a package the roles list, or what every image has (agents, the application). */
export interface PlacementRow {
  kind: 'agent' | 'package' | 'application';
  name: string;
  /** The roles that list it; every role for agents and the application. */
  roles: string[];
  everyRole: boolean;
  /** Packages only: the entry's values, or the defaults. */
  installMinutes?: number;
  changes?: ChangeRate;
  placement: Placement;
  /** One sentence: why it goes there, in the guidance's terms. */
  reason: string;
}

/** The management agents every baseline carries (templates/packer/scripts/agents). */
export const MANAGEMENT_AGENTS = ['amazon-ssm-agent', 'amazon-cloudwatch-agent'] as const;

export const entryName = (entry: SoftwareEntry): string => (typeof entry === 'string' ? entry : entry.name);

/** Does the design run the configuration tool at first boot (and so carry it in the baseline)? */
export const runsConfigAtBoot = (design: Design): boolean => design !== 'fully-baked';

interface Merged {
  name: string;
  roles: string[];
  installMinutes?: number | undefined;
  changes?: ChangeRate | undefined;
}

/** Every package once, in the order the roles first list it; a value one entry gives holds for all (answer-rules.ts refuses two different ones). */
export function mergedPackages(roles: readonly RoleSoftware[]): Merged[] {
  const byName = new Map<string, Merged>();
  for (const role of roles) {
    for (const entry of role.software) {
      const name = entryName(entry);
      const merged = byName.get(name) ?? { name, roles: [] };
      if (!merged.roles.includes(role.name)) merged.roles.push(role.name);
      if (typeof entry !== 'string') {
        merged.installMinutes ??= entry.installMinutes;
        merged.changes ??= entry.changes;
      }
      byName.set(name, merged);
    }
  }
  return [...byName.values()];
}

/** The packages listed by every role, when there are two roles or more. */
export function sharedPackages(roles: readonly RoleSoftware[]): string[] {
  if (roles.length < 2) return [];
  return mergedPackages(roles)
    .filter((p) => p.roles.length === roles.length)
    .map((p) => p.name);
}

const minutes = (n: number): string => `${n} minute${n === 1 ? '' : 's'}`;

function placePackage(
  design: Design,
  p: Merged,
  roleCount: number,
): Pick<PlacementRow, 'placement' | 'reason' | 'installMinutes' | 'changes'> {
  const installMinutes = p.installMinutes ?? PLACEMENT_LIMITS.defaultInstallMinutes;
  const changes = p.changes ?? PLACEMENT_LIMITS.defaultChanges;
  const row = (placement: Placement, reason: string) => ({ placement, reason, installMinutes, changes });
  if (design === 'jeos') {
    return row(
      'launch',
      'JeOS images carry a minimal OS, the management agents and the configuration agent, which installs everything the role needs at first boot.',
    );
  }
  const frequent = PLACEMENT_LIMITS.launchChanges.includes(changes);
  const quick = installMinutes <= PLACEMENT_LIMITS.launchMaxMinutes;
  // Hybrid pulls frequently changing software at launch, shared or not: baked into the baseline, each
  // new version would rebuild the baseline and every role image on it.
  if (design === 'hybrid' && frequent && quick) {
    return row(
      'launch',
      `It changes ${changes} and installs in ${minutes(installMinutes)}: pulled at first boot, a new version needs no image build.`,
    );
  }
  if (roleCount >= 2 && p.roles.length === roleCount) {
    return row(
      'base',
      'Every role lists it, so it is reusable across all instances: baked once into the shared baseline, it keeps every launch fast.',
    );
  }
  if (design === 'fully-baked') {
    return row(
      'role-image',
      'Fully baked: the role image carries all of its software, so instances start serving without installing anything.',
    );
  }
  if (!quick) {
    return row(
      'role-image',
      `It takes ${minutes(installMinutes)} to download, install and configure, so it is baked into the role image to keep launches fast` +
        (frequent ? ` even though it changes ${changes}.` : '.'),
    );
  }
  return row(
    'role-image',
    `It changes ${changes === 'rarely' ? 'rarely' : 'only monthly'}, so it is baked into the role image, which keeps launches fast.`,
  );
}

/**
 * The whole story for a design: the management agents and the configuration tool the baseline carries,
 * each package the roles list (merged across roles), then the application.
 */
export function placeSoftware(input: {
  design: Design;
  configTool: ConfigTool;
  roles: readonly RoleSoftware[];
}): PlacementRow[] {
  const { design, configTool, roles } = input;
  const everyRole = roles.map((r) => r.name);
  const fixed = (kind: PlacementRow['kind'], name: string, placement: Placement, reason: string): PlacementRow => ({
    kind,
    name,
    roles: everyRole,
    everyRole: true,
    placement,
    reason,
  });
  const agents = [
    ...MANAGEMENT_AGENTS.map((name) =>
      fixed(
        'agent',
        name,
        'base',
        'A server management agent every instance runs: baked into the shared baseline to reduce launch times.',
      ),
    ),
    ...(runsConfigAtBoot(design)
      ? [
          fixed(
            'agent',
            configTool,
            'base',
            `The ${configTool} tooling the bootstrap runs at first boot: baked into the baseline with the other agents.`,
          ),
        ]
      : []),
  ];
  const packages = mergedPackages(roles).map(
    (p): PlacementRow => ({
      kind: 'package',
      name: p.name,
      roles: p.roles,
      everyRole: roles.length >= 2 && p.roles.length === roles.length,
      ...placePackage(design, p, roles.length),
    }),
  );
  const application: Record<Design, PlacementRow> = {
    'fully-baked': fixed(
      'application',
      'the application',
      'role-image',
      'Fully baked: each role image carries the application and its configuration, so instances serve as soon as they boot.',
    ),
    hybrid: fixed(
      'application',
      'the application',
      'launch',
      'Application code changes often: the bootstrap pulls the latest build at first boot, so a release needs no image build.',
    ),
    jeos: fixed(
      'application',
      'the application',
      'launch',
      'JeOS: the configuration agent installs and configures it at first boot.',
    ),
  };
  return [...agents, ...packages, application[design]];
}

/** The names of the packages placed at `placement`, in the order the roles first list them. */
export function placedPackages(rows: readonly PlacementRow[], placement: Placement): string[] {
  return rows.filter((r) => r.kind === 'package' && r.placement === placement).map((r) => r.name);
}

/** The names of the packages `role` lists that are placed at `placement`, in the role's own order. */
export function roleSoftwareAt(rows: readonly PlacementRow[], role: RoleSoftware, placement: Placement): string[] {
  const placed = new Set(placedPackages(rows, placement));
  return role.software.map(entryName).filter((name) => placed.has(name));
}

/** What the baseline image carries by name, for its Software tag: the agents, the configuration tool, the base packages. */
export function baselineSoftware(rows: readonly PlacementRow[]): string[] {
  return rows.filter((r) => r.kind !== 'application' && r.placement === 'base').map((r) => r.name);
}

/** Where a placement puts a package, in words. */
export const PLACEMENT_LABELS: Record<Placement, string> = {
  base: 'baseline image',
  'role-image': 'role image',
  launch: 'first boot',
};

/** The rule a design places packages by, in one sentence (decision.md). */
export function placementRuleText(design: Design): string {
  const { launchChanges, launchMaxMinutes } = PLACEMENT_LIMITS;
  const shared =
    'a package every role lists is reusable across all instances and is baked once into the shared baseline';
  switch (design) {
    case 'jeos':
      return 'JeOS: the one image carries only the OS, the management agents and the configuration agent, which installs every package at first boot.';
    case 'fully-baked':
      return `Fully baked: ${shared}; the rest is baked into each role image, so instances install nothing at launch.`;
    case 'hybrid':
      return (
        `Hybrid: a package that changes ${launchChanges.join(' or ')} and installs within ${launchMaxMinutes} minutes ` +
        `is installed at first boot, so a new version needs no image build; of the rest, ${shared}, and the others are baked into the role image, which keeps launches fast.`
      );
  }
}
