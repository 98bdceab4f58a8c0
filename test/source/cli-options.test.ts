// The command line as a hostile user types it: names that exist only on Object.prototype are not
// options or commands, and every value is bounded.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../source/errors.ts';
import { helpText, parseArgs } from '../../source/cli-options.ts';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('parseArgs', () => {
  it.each(PROTOTYPE_NAMES)('refuses --%s: not an option', (name) => {
    expect(() => parseArgs([`--${name}`])).toThrow(InputError);
    expect(() => parseArgs([`--${name}`])).toThrow(/Unknown option/);
  });

  it.each(PROTOTYPE_NAMES)('refuses %s as a command', (name) => {
    expect(() => parseArgs([name])).toThrow(/Unknown command/);
  });

  it('names an unknown option or command without its control characters', () => {
    expect(() => parseArgs(['--x\u001b]0;owned\u0007'])).toThrow('Unknown option --x\\x1b]0;owned\\x07.');
    expect(() => parseArgs(['gen\u202eerate'])).toThrow('Unknown command "gen\\u202eerate".');
  });

  it('reads --aws-timeout as seconds', () => {
    expect(parseArgs(['audit', '--aws-timeout', '5']).awsTimeoutMs).toBe(5000);
    expect(parseArgs(['audit']).awsTimeoutMs).toBe(30_000);
    expect(() => parseArgs(['audit', '--aws-timeout', 'soon'])).toThrow(/--aws-timeout needs a number of seconds between 1 and 3600/);
    expect(() => parseArgs(['audit', '--aws-timeout', '0'])).toThrow(/--aws-timeout/);
  });

  it('documents what --force overwrites and the AWS deadline', () => {
    const help = helpText('1.0.0');
    expect(help).toMatch(/--force\s+.*NAME\.orig/);
    expect(help).toMatch(/--aws-timeout SECONDS/);
  });
});
