// Where a kept draft (draft-file.ts) lives and for how long: one file per output folder in the
// user's state folder, never in the project or --out. Pure and small: the wizard asks at start-up.
import { isAbsolute, join } from 'node:path';
import { sha256Hex } from './sha256.ts';

/** How long a draft is offered; an older one is removed when found. */
export const DRAFT_DAYS = 7;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The folder drafts go in: AMI_WIZARD_STATE_DIR/drafts, else XDG_STATE_HOME/ami-wizard/drafts, else
 * ~/.local/state/ami-wizard/drafts. A relative value is ignored (the XDG spec says so), so a draft
 * never lands in the folder the wizard runs in; undefined when there is no absolute place at all.
 */
export function draftsFolder(env: Env): string | undefined {
  const absolute = (name: string) => {
    const value = env[name];
    return value && isAbsolute(value) ? value : undefined;
  };
  const own = absolute('AMI_WIZARD_STATE_DIR');
  if (own) return join(own, 'drafts');
  const xdg = absolute('XDG_STATE_HOME');
  if (xdg) return join(xdg, 'ami-wizard', 'drafts');
  const home = absolute('HOME');
  return home ? join(home, '.local', 'state', 'ami-wizard', 'drafts') : undefined;
}

/** The draft for an output folder (absolute): one per folder, named by a hash, so the path says nothing about the project. */
export function draftPath(folder: string, outDir: string): string {
  return join(folder, `${sha256Hex(outDir).slice(0, 16)}.yaml`);
}
