// The fixed value lists of the answers file. Apart from the zod schema, so that code which only
// needs a list (lookup, --help, the generators) does not load zod. The OS values and the
// architectures are the platform catalogue's (platforms.ts).
export { ARCHITECTURES, OPERATING_SYSTEMS, OS_LABELS } from './platforms.ts';
export type { Architecture, OperatingSystem } from './platforms.ts';
export const STAGES = ['dev', 'test', 'staging', 'prod'] as const;
export const CONFIDENTIALITY = ['public', 'internal', 'confidential', 'restricted'] as const;
/** Without options.deleteAfterDays, images are deleted this long after they are deprecated. */
export const DELETE_AFTER_DEPRECATION_DAYS = 365;
/** The engines that can build the images from the same scripts. */
export const BUILDERS = ['packer', 'image-builder', 'both'] as const;
export type Builder = (typeof BUILDERS)[number];

/** An AWS region code: eu-west-1, us-gov-west-1, us-iso-east-1. The answers file and --region both use it. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
/** What REGION_PATTERN accepts, for messages. */
export const REGION_CODE = 'an AWS region code such as eu-west-1';

/** "a, b or c": a list of choices for a sentence. */
export const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * Characters no answer may hold, as a regular-expression class body: C0 and C1 controls (line
 * breaks and tabs included: every answer is one line), DEL, the line and paragraph separators, the
 * bidi marks, embeddings, overrides and isolates, the byte order mark, and the invisible ones (soft
 * hyphen, zero-width space, word joiner and invisible operators) that make look-alike names. A
 * terminal acts on the first kind and a reader is misled by the rest; no real name, tag or package
 * has one. (The zero-width joiner stays: emoji sequences need it.)
 */
export const CONTROL_CHARACTERS =
  '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

const ANY_CONTROL_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}]`);

/**
 * Whether `text` holds a character no answer, name or path may hold (CONTROL_CHARACTERS). Printable
 * ASCII holds none: the class, compiled on its first use (twice, as V8 tiers it up), is asked only
 * about a text with another character; every path a run writes is asked.
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return ANY_CONTROL_CHARACTER.test(text);
  }
  return false;
}
