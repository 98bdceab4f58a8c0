// --resume FILE: the accounts a run finished, one JSON line each (its counts per region), appended as
// each finishes. A later run with the same file skips them and reports their counts as they were; an
// account that failed anywhere is not written, so the next run tries it again. A last line cut short
// (the run was killed while writing) is ignored, there or further up once later runs added to the file.
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { readBoundedText } from '../answers/bounded-text.ts';
import type { TextFileKind } from '../answers/bounded-text.ts';
import { errorCode, InputError } from '../errors.ts';
import { isPlainObject } from '../text/parsed.ts';
import type { AccountResult, RegionCounts } from './org-audit.ts';
import { CHECKS } from './checks.ts';

/**
 * 200 bytes a region, 40 regions, 30,000 accounts: far more than an organization holds, and well
 * below what one string may hold (a file read whole must fit one; about 512 MiB on Node 20).
 */
const MAX_BYTES = 256 * 1024 * 1024;
const STATE_FILE: TextFileKind = {
  label: 'Resume file',
  notFoundHint: '',
  folderHint: () => 'Pass a file: the run creates it and adds each account it finishes.',
  sizeNote: 'a resume file is at most that',
  binaryHint: 'Pass the file an earlier `audit --org --resume FILE` wrote.',
  encodingHint: 'Pass the file an earlier `audit --org --resume FILE` wrote.',
  regularOnly: true,
};

export interface ResumeState {
  finished: AccountResult[];
  /** Appends one finished account. */
  add(result: AccountResult): void;
  close(): void;
}

export function openResumeState(path: string, shown: string): ResumeState {
  let text = '';
  try {
    text = readBoundedText(path, MAX_BYTES, STATE_FILE, shown);
  } catch (error) {
    if (!(error instanceof InputError && error.message.startsWith(`${STATE_FILE.label} not found`))) throw error;
  }
  const finished = parseResumeState(text, shown);
  let fd: number;
  try {
    // Never through a link, even one planted since the read above.
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw new InputError(
      `${shown} cannot be written (${errorCode(error) ?? 'error'}); pass a file the run may create.`,
    );
  }
  // A line cut short by a killed run gets its own line end, so the next record starts clean.
  if (text && !text.endsWith('\n')) writeSync(fd, '\n');
  return {
    finished,
    add: (result) => void writeSync(fd, `${JSON.stringify({ account: result })}\n`),
    close: () => closeSync(fd),
  };
}

export function parseResumeState(text: string, shown: string): AccountResult[] {
  const lines = text.split('\n');
  const results = new Map<string, AccountResult>();
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const result = accountResult(line);
    if (result) results.set(result.accountId, result);
    // A record cut short by a killed run (the line after it was started fresh): its account is not finished.
    else if (!(line.startsWith('{"account":') && !parses(line)))
      throw new InputError(
        `${shown}, line ${index + 1} is not an account an earlier \`audit --org --resume\` finished. Pass the file that run wrote, or a new one.`,
      );
  }
  return [...results.values()];
}

function parses(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function accountResult(line: string): AccountResult | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return undefined;
  }
  const account = isPlainObject(doc) ? doc.account : undefined;
  if (!isPlainObject(account) || typeof account.accountId !== 'string' || !/^\d{12}$/.test(account.accountId))
    return undefined;
  if (!Array.isArray(account.regions) || !account.regions.every(regionCounts)) return undefined;
  return {
    accountId: account.accountId,
    ...(typeof account.name === 'string' ? { name: account.name } : {}),
    regions: account.regions as RegionCounts[],
    failures: [],
  };
}

const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
function regionCounts(r: unknown): boolean {
  return (
    isPlainObject(r) &&
    typeof r.region === 'string' &&
    count(r.images) &&
    count(r.failing) &&
    isPlainObject(r.failed) &&
    Object.entries(r.failed).every(([k, n]) => (CHECKS as readonly string[]).includes(k) && count(n))
  );
}
