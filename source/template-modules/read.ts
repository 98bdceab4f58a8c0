import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errorCode, InputError } from '../errors.ts';

/** Far beyond any real template module; a bigger file is a mistake (or /dev/zero behind a name). */
const MAX_TEMPLATE_BYTES = 512 * 1024;
const MAX_TEMPLATES = 2_000;

/** Every regular `.hbs` file below `dir` (symlinks are not followed), keyed by its `/`-separated path. */
export async function readTemplateSources(dir: string): Promise<Map<string, string>> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  if (names.length > MAX_TEMPLATES)
    throw new InputError(`--templates ${dir} holds ${names.length} templates; at most ${MAX_TEMPLATES}.`);
  const texts = names.map((name) => readTemplateFile(join(dir, name)));
  return new Map(names.map((name, i) => [name, texts[i]!]));
}

/**
 * The text of one template module. Synchronous, as the writer's reads are (source/output/safe-path.ts).
 * What was put where a template was listed is refused, never followed or waited on: a symlink
 * (O_NOFOLLOW), and a FIFO (O_NONBLOCK) or anything else but a regular file.
 */
export function readTemplateFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (errorCode(error) === 'ELOOP')
      throw new InputError(`${file} is a symlink; a template module is a regular file.`);
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new InputError(`${file} is not a regular file; a template module is one.`);
    const buffer = Buffer.alloc(MAX_TEMPLATE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= MAX_TEMPLATE_BYTES; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_TEMPLATE_BYTES)
      throw new InputError(`${file} is larger than ${MAX_TEMPLATE_BYTES} bytes; a template module is far smaller.`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
