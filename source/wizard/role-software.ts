// Each role's packages as one line of text ("web: nginx curl; worker: redis") and back. Roles not
// named get no packages; names that are no role are found by unknownRoleNames, for the message. The
// line holds names only: a package that stays listed keeps what the answers file says of it
// (installMinutes, changes), taken from its own role first, then from any role that lists it.
import type { Draft } from '../answers/draft.ts';
import { entryName } from '../../questionnaire/placement.ts';

type Roles = NonNullable<Draft['roles']>;
type Entry = NonNullable<Roles[number]['software']>[number];

export function roleSoftwareText(roles: Roles): string {
  return roles
    .filter((role) => (role.software ?? []).length > 0)
    .map((role) => `${role.name}: ${(role.software ?? []).map(entryName).join(' ')}`)
    .join('; ');
}

function listsFromText(text: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const part of text.split(';')) {
    // Only the first colon ends the role name: package names may hold one (an epoch, an arch).
    const colon = part.indexOf(':');
    const name = colon < 0 ? part : part.slice(0, colon);
    const packages = colon < 0 ? '' : part.slice(colon + 1);
    if (!name.trim()) continue;
    lists.set(name.trim(), packages.split(/[\s,]+/).filter(Boolean));
  }
  return lists;
}

export function unknownRoleNames(text: string, roles: Roles): string[] {
  return [...listsFromText(text).keys()].filter((name) => !roles.some((role) => role.name === name));
}

export function roleSoftwareFromText(text: string, roles: Roles): Roles {
  const lists = listsFromText(text);
  const entryFor = (role: Roles[number], name: string): Entry => {
    const described = [role, ...roles]
      .flatMap((r) => r.software ?? [])
      .find((entry) => typeof entry !== 'string' && entry.name === name);
    return described === undefined ? name : { ...(described as Exclude<Entry, string>) };
  };
  return roles.map((role) => ({ ...role, software: (lists.get(role.name) ?? []).map((name) => entryFor(role, name)) }));
}
