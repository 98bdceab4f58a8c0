// The AWS config and credentials files. The SDK's reader skips every line it cannot parse: an
// unclosed "[profile build" loses the whole profile, "region eu-west-1" loses the region, and the
// person is told "No AWS region is configured". When the SDK finds no region or no credentials, these
// files are read again here, strictly, so the advice can name the file and the line instead.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { printable } from '../text/printable.ts';

export interface IniProblem {
  /** 1-based. */
  line: number;
  /** What is wrong, in words; quotes only a section name or a setting name, never a value. */
  reason: string;
}

export interface ConfigFileProblem extends IniProblem {
  kind: 'config' | 'credentials';
  path: string;
}

const SETTING_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** The first line that is not a comment, a [section], "name = value" or an indented continuation. */
export function iniProblem(text: string): IniProblem | undefined {
  let inSection = false;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    // The SDK's own rule: a comment starts with # or ; at the start or after white space.
    const content = raw.split(/(?:^|\s)[;#]/)[0]!.trim();
    if (!content) continue;
    if (content.startsWith('[')) {
      if (!content.endsWith(']')) return { line, reason: `has "${shown(content)}" without a closing "]"` };
      inSection = true;
      continue;
    }
    // An indented line continues the setting above it (e.g. the lines under "s3 =").
    if (/^\s/.test(raw)) continue;
    if (!inSection) return { line, reason: 'comes before any [section] header' };
    const equals = content.indexOf('=');
    if (equals === 0) return { line, reason: 'has no setting name before "="' };
    if (equals < 0) {
      const first = content.split(/\s+/)[0]!;
      // Name the setting it starts with when that reads as a setting name; a stray secret is never echoed.
      return {
        line,
        reason: SETTING_NAME.test(first)
          ? `is not "name = value" (it starts with "${first}")`
          : 'is not "name = value"',
      };
    }
  }
  return undefined;
}

/** Section headers are profile names, not secrets; long ones are cut. */
const shown = (header: string) => printable(header.length > 60 ? `${header.slice(0, 60)}...` : header);

type Env = Record<string, string | undefined>;

/** The files the SDK reads, as it finds them: AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE (either may start with ~/), ~/.aws/. */
export function configFilePaths(env: Env, home = homedir()): Record<ConfigFileProblem['kind'], string> {
  const resolve = (path: string) => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    config: resolve(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentials: resolve(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

/** The first malformed line among the files of `kinds`, in that order; a missing file is no problem. */
export async function findConfigFileProblem(
  kinds: readonly ConfigFileProblem['kind'][],
  env: Env = process.env,
): Promise<ConfigFileProblem | undefined> {
  const paths = configFilePaths(env, env.HOME || homedir());
  for (const kind of kinds) {
    const text = await readFile(paths[kind], 'utf8').catch(() => undefined);
    const problem = text === undefined ? undefined : iniProblem(text);
    if (problem) return { kind, path: paths[kind], ...problem };
  }
  return undefined;
}
