// What goes where (questionnaire/placement.ts), rule by rule, each with the sentence of AWS's guidance
// behind it ("Hybrid AMI design", AWS Prescriptive Guidance, quoted in placement.ts).
import { describe, expect, it } from 'vitest';
import {
  MANAGEMENT_AGENTS,
  PLACEMENT_LIMITS,
  placeSoftware,
  placementRuleText,
  roleSoftwareAt,
} from '../../questionnaire/placement.ts';
import type { PlacementRow, RoleSoftware } from '../../questionnaire/placement.ts';
import type { Design } from '../../questionnaire/questions.ts';

const place = (design: Design, roles: RoleSoftware[]) => placeSoftware({ design, configTool: 'ansible', roles });
const row = (rows: PlacementRow[], name: string) => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

const ROLES: RoleSoftware[] = [
  {
    name: 'web',
    software: [
      'nginx',
      { name: 'openjdk-17-jdk', installMinutes: 20, changes: 'daily' },
      { name: 'jq', installMinutes: 1, changes: 'daily' },
      'curl',
    ],
  },
  { name: 'api', software: ['nginx', { name: 'redis', changes: 'weekly' }] },
];

describe('placement by the guidance', () => {
  it('JeOS: every package at first boot ("at first boot the agent installs and configures everything the role needs")', () => {
    const rows = place('jeos', ROLES);
    for (const name of ['nginx', 'openjdk-17-jdk', 'jq', 'curl', 'redis'])
      expect(row(rows, name).placement, name).toBe('launch');
    expect(row(rows, 'nginx').reason).toMatch(
      /configuration agent, which installs everything the role needs at first boot/,
    );
  });

  it.each(['hybrid', 'fully-baked'] as const)(
    '%s: a package every role lists goes into the shared baseline ("how reusable the underlying software package is across all instances")',
    (design) => {
      const nginx = row(place(design, ROLES), 'nginx');
      expect(nginx).toMatchObject({ placement: 'base', roles: ['web', 'api'], everyRole: true });
      expect(nginx.reason).toMatch(
        /^Every role lists it, so it is reusable across all instances: baked once into the shared baseline/,
      );
    },
  );

  // Review of issue 20: a package every role lists that changes daily was baked into the baseline, so
  // each release rebuilt the baseline and every role image.
  it('hybrid: a shared package that changes often and installs quickly is pulled at launch, not baked into the baseline', () => {
    const roles: RoleSoftware[] = [
      { name: 'web', software: [{ name: 'app-agent', installMinutes: 1, changes: 'daily' }, 'nginx'] },
      { name: 'api', software: [{ name: 'app-agent', installMinutes: 1, changes: 'daily' }, 'nginx'] },
    ];
    const rows = place('hybrid', roles);
    expect(row(rows, 'app-agent').placement).toBe('launch');
    expect(row(rows, 'nginx').placement).toBe('base');
    // Fully baked has no launch step for packages: a shared one still goes into the baseline.
    expect(row(place('fully-baked', roles), 'app-agent').placement).toBe('base');
  });

  it('one role: nothing is shared, so nothing goes into the baseline for it', () => {
    const rows = place('hybrid', [{ name: 'web', software: ['nginx', 'curl'] }]);
    expect(rows.filter((r) => r.kind === 'package').map((r) => r.placement)).toEqual(['role-image', 'role-image']);
  });

  it('fully baked: the rest into the role image ("include the necessary software to create role-specific AMIs")', () => {
    const rows = place('fully-baked', ROLES);
    for (const name of ['openjdk-17-jdk', 'jq', 'curl', 'redis'])
      expect(row(rows, name).placement, name).toBe('role-image');
    expect(row(rows, 'jq').reason).toMatch(/^Fully baked: the role image carries all of its software/);
  });

  it('hybrid: a package that changes weekly or daily and installs within 5 minutes is pulled at first boot ("frequently changing software")', () => {
    const rows = place('hybrid', ROLES);
    expect(row(rows, 'jq')).toMatchObject({ placement: 'launch', installMinutes: 1, changes: 'daily', roles: ['web'] });
    expect(row(rows, 'jq').reason).toBe(
      'It changes daily and installs in 1 minute: pulled at first boot, a new version needs no image build.',
    );
    expect(row(rows, 'redis')).toMatchObject({
      placement: 'launch',
      installMinutes: PLACEMENT_LIMITS.defaultInstallMinutes,
      changes: 'weekly',
    });
  });

  it('hybrid: a slow package is baked into the role image, even when it changes daily ("how long it takes to download, install, and configure")', () => {
    const java = row(place('hybrid', ROLES), 'openjdk-17-jdk');
    expect(java.placement).toBe('role-image');
    expect(java.reason).toBe(
      'It takes 20 minutes to download, install and configure, so it is baked into the role image to keep launches fast even though it changes daily.',
    );
  });

  it('hybrid: a package that changes seldom is baked into the role image ("infrequently changing software")', () => {
    const curl = row(place('hybrid', ROLES), 'curl');
    expect(curl).toMatchObject({ placement: 'role-image', installMinutes: 2, changes: 'monthly' });
    expect(curl.reason).toBe('It changes only monthly, so it is baked into the role image, which keeps launches fast.');
  });

  it('the thresholds are the named limits: 5 minutes is still launch, 6 is not; monthly never is', () => {
    const at = (installMinutes: number, changes: 'monthly' | 'weekly') =>
      row(place('hybrid', [{ name: 'web', software: [{ name: 'x', installMinutes, changes }] }]), 'x').placement;
    expect(at(PLACEMENT_LIMITS.launchMaxMinutes, 'weekly')).toBe('launch');
    expect(at(PLACEMENT_LIMITS.launchMaxMinutes + 1, 'weekly')).toBe('role-image');
    expect(at(0, 'monthly')).toBe('role-image');
  });

  it('a package listed by several roles is one row: its roles, and the values one entry gives', () => {
    const rows = place('hybrid', [
      { name: 'web', software: ['jq', 'nginx'] },
      { name: 'api', software: [{ name: 'jq', changes: 'daily' }] },
      { name: 'worker', software: ['jq'] },
    ]);
    expect(rows.filter((r) => r.name === 'jq')).toEqual([
      expect.objectContaining({ roles: ['web', 'api', 'worker'], changes: 'daily', placement: 'launch' }),
    ]);
    expect(row(rows, 'nginx').everyRole).toBe(false);
  });

  it('the whole story: the management agents and the configuration tool in the baseline ("include server management agents ... into an AMI"), then the application', () => {
    const hybrid = place('hybrid', ROLES);
    expect(hybrid.filter((r) => r.kind === 'agent').map((r) => [r.name, r.placement])).toEqual([
      ...MANAGEMENT_AGENTS.map((a) => [a, 'base']),
      ['ansible', 'base'],
    ]);
    expect(hybrid.at(-1)).toMatchObject({
      kind: 'application',
      name: 'the application',
      placement: 'launch',
      everyRole: true,
      roles: ['web', 'api'],
    });
    // Fully baked runs no tool at boot, so the baseline does not carry it; the application is in the role image.
    const baked = place('fully-baked', ROLES);
    expect(baked.filter((r) => r.kind === 'agent').map((r) => r.name)).toEqual([...MANAGEMENT_AGENTS]);
    expect(baked.at(-1)).toMatchObject({ kind: 'application', placement: 'role-image' });
    expect(place('jeos', ROLES).at(-1)).toMatchObject({ kind: 'application', placement: 'launch' });
  });

  it("a role's packages at one placement keep the role's own order", () => {
    const rows = place('hybrid', ROLES);
    expect(roleSoftwareAt(rows, ROLES[0]!, 'role-image')).toEqual(['openjdk-17-jdk', 'curl']);
    expect(roleSoftwareAt(rows, ROLES[0]!, 'launch')).toEqual(['jq']);
    expect(roleSoftwareAt(rows, ROLES[1]!, 'launch')).toEqual(['redis']);
    expect(roleSoftwareAt(rows, ROLES[1]!, 'base')).toEqual(['nginx']);
  });

  it('every reason is one sentence', () => {
    for (const design of ['fully-baked', 'hybrid', 'jeos'] as const) {
      for (const r of place(design, ROLES)) expect(r.reason, `${design} ${r.name}`).toMatch(/^[A-Z][^.]*\.$/);
      expect(placementRuleText(design)).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});
