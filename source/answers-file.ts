// Loading an answers file: read (I/O), then parse and validate (pure). A valid file takes the quick
// path (js-yaml, small and fast to start); anything unusual is read again by answers-diagnostics.ts,
// which keeps node positions, so every problem is reported with its line and column.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Answers } from '../questionnaire/answers-schema.ts';
import { checkAnswers } from './answers-check.ts';
import { InputError } from './errors.ts';
import { findSecret } from './secrets.ts';

const MAX_ANSWERS_BYTES = 256 * 1024;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads at most MAX_ANSWERS_BYTES (+1, to know there is more) from any source: a file, a FIFO, a
 * device such as /dev/zero, /dev/stdin. The size a stat reports cannot be trusted for those.
 */
function readBounded(file: string): Buffer {
  // /dev/stdin is fd 0 itself: opening it again fails when stdin is a socket (as Node's child processes get).
  const stdin = file === '/dev/stdin';
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(
        `Answers file not found: ${file}\nCheck the path, or create one: run ami-wizard in a terminal, or start from the examples/ folder.`,
      );
    }
    throw unreadable(file, code);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new InputError(`${file} is a folder. Pass the answers file itself: --answers ${file}/ami-wizard.yaml`);
    const buffer = Buffer.alloc(MAX_ANSWERS_BYTES + 1);
    let length = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(PAUSE, 0, 0, 10); // a non-blocking stdin with nothing yet: wait, do not spin
          continue;
        }
        throw unreadable(file, code);
      }
      if (n === 0) break;
      length += n;
      if (length > MAX_ANSWERS_BYTES) {
        throw new InputError(`${file} holds more than ${MAX_ANSWERS_BYTES} bytes; an answers file is at most that. Is this the right file?`);
      }
    }
    return buffer.subarray(0, length);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

const unreadable = (file: string, code: string | undefined): InputError =>
  new InputError(
    `Cannot read ${file}${code === 'EACCES' || code === 'EPERM' ? ': permission denied' : ` (${code})`}.\nMake the file readable, or pass another one.`,
  );

export function readAnswersFile(file: string): string {
  const bytes = readBounded(file);
  if (bytes.includes(0)) throw new InputError(`${file} is not a text file (it contains NUL bytes). Pass a YAML answers file.`);
  if (!isUtf8(bytes)) throw new InputError(`${file} is not UTF-8 text. Save the answers file as UTF-8 YAML.`);
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** True for a tree of plain values in which no node is shared: js-yaml returns an alias as the same object. */
function isPlainTree(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).every((item) => isPlainTree(item, seen));
}

/** The answers, when the file is valid YAML 1.2 with no aliases, no secret and no schema problem. */
function parseQuickly(text: string): Answers | undefined {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || !isPlainTree(data)) return undefined;
  if ((data as { version?: unknown }).version !== 1 || findSecret(data)) return undefined;
  return checkAnswers(data);
}

/** Parses and validates answers text; throws InputError with a user-facing message. */
export async function parseAnswers(text: string, file: string): Promise<Answers> {
  if (text.trim() === '') {
    throw new InputError(`${file} is empty. Start from an example in examples/, or run ami-wizard in a terminal to write one.`);
  }
  return parseQuickly(text) ?? (await import('./answers-diagnostics.ts')).diagnoseAnswers(text, file);
}

/** The answers when `file` is readable and valid, else undefined (loadAnswers then says why). */
export async function quickAnswers(file: string): Promise<Answers | undefined> {
  try {
    return parseQuickly(readAnswersFile(file));
  } catch {
    return undefined;
  }
}

export async function loadAnswers(file: string): Promise<Answers> {
  return parseAnswers(readAnswersFile(file), file);
}
