// The wizard's one line of role packages ("web: nginx curl; worker: redis") and back: names only, and a
// package that stays listed keeps what the answers file says of it (installMinutes, changes).
import { describe, expect, it } from 'vitest';
import { roleSoftwareFromText, roleSoftwareText, unknownRoleNames } from '../../source/wizard/role-software.ts';

const ROLES = [
  { name: 'web', software: ['nginx', { name: 'jq', installMinutes: 1, changes: 'daily' as const }] },
  { name: 'worker', software: [{ name: 'redis', changes: 'weekly' as const }] },
];

describe('role software as one line', () => {
  it('shows names only, mappings included', () => {
    expect(roleSoftwareText(ROLES)).toBe('web: nginx jq; worker: redis');
  });

  it('a package that stays listed keeps its installMinutes and changes; a new one is a plain name', () => {
    expect(roleSoftwareFromText('web: jq curl; worker: redis', ROLES)).toEqual([
      { name: 'web', software: [{ name: 'jq', installMinutes: 1, changes: 'daily' }, 'curl'] },
      { name: 'worker', software: [{ name: 'redis', changes: 'weekly' }] },
    ]);
  });

  it('a package moved to another role keeps what was said of it, as a copy', () => {
    const roles = roleSoftwareFromText('web: nginx; worker: redis jq', ROLES);
    expect(roles[1]!.software).toEqual([
      { name: 'redis', changes: 'weekly' },
      { name: 'jq', installMinutes: 1, changes: 'daily' },
    ]);
    expect(roles[1]!.software![1]).not.toBe(ROLES[0]!.software[1]);
  });

  it('a role left out gets no packages; a name that is no role is reported', () => {
    expect(roleSoftwareFromText('web: nginx', ROLES)[1]!.software).toEqual([]);
    expect(unknownRoleNames('web: nginx; db: postgresql', ROLES)).toEqual(['db']);
  });
});
