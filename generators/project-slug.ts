// The project name as it appears in image names, stack names, file names and SSM paths. The name
// itself is free text (the Project and Name tags keep it as typed); this is the one place it is
// made safe for names, so the wizard can show the slug before the name is accepted.
import { createHash } from 'node:crypto';

/**
 * A lower-case name safe for image names, file names and SSM paths. A name with no ASCII letter or
 * digit (日本語のショップ) gets a short hash of itself, so two such projects never share image names
 * or an SSM prefix.
 */
export function projectSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || `project-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
