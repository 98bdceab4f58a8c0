// --accounts FILE: the accounts to audit instead of the organization's listing. One 12-digit account id
// a line; blank lines and # comments are ignored; anything else is bad input, named by its line.
import { readBoundedText } from '../answers/bounded-text.ts';
import type { TextFileKind } from '../answers/bounded-text.ts';
import { InputError } from '../errors.ts';
import { printable } from '../text/printable.ts';
import { shortened } from '../text/shortened.ts';

const MAX_BYTES = 1024 * 1024;
const ACCOUNTS_FILE: TextFileKind = {
  label: 'Accounts file',
  notFoundHint: 'Pass a file with one 12-digit account id a line.',
  folderHint: () => 'Pass the accounts file itself, one account id a line.',
  sizeNote: 'an accounts file is at most that',
  binaryHint: 'Pass a text file with one account id a line.',
  encodingHint: 'Save the accounts file as UTF-8 text.',
};

export function parseAccountList(text: string, shown: string): string[] {
  const ids: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    if (!/^\d{12}$/.test(line))
      throw new InputError(
        `${shown}, line ${index + 1}: "${printable(shortened(line, 40))}" is not an AWS account id (12 digits).`,
      );
    if (!ids.includes(line)) ids.push(line);
  }
  if (!ids.length) throw new InputError(`${shown} lists no account ids; give one 12-digit id a line.`);
  return ids;
}

export function readAccountList(path: string, shown: string): string[] {
  return parseAccountList(readBoundedText(path, MAX_BYTES, ACCOUNTS_FILE, shown), shown);
}
