// Escaping per target language. Every answer value reaches a generated file through one of these,
// so that it is inert data wherever it lands. test/generators/escape.test.ts proves each one with
// property tests against real parsers and shells.

import { CONTROL_CHARACTERS } from '../questionnaire/answer-values.ts';

const hex4 = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A double-quoted HCL2 string literal; `${` and `%{` are doubled so they never start a template. */
export function hclString(s: string): string {
  const body = s
    .replace(/[\\"\n\r\t\u0000-\u001f\u007f]/g, (c) =>
      c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : hex4(c),
    )
    // Replacement functions, not strings: in a replacement string `$$` would collapse to `$`.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${body}"`;
}

/**
 * hclString for the free-text values in amazon-ebs fields, which Packer also renders as Go
 * text/template (every string field of the builder, tags and ami_description included). The only
 * other free-text answer in those fields, kmsKeyId, is held to KMS key forms by the answers schema.
 */
export function packerTemplateString(s: string): string {
  // Else an answer's `{{ .SourceAMI }}` would run as a template action; the action `{{"{{"}}` prints a literal `{{`.
  return hclString(s.replace(/\{\{/g, () => '{{"{{"}}'));
}

/** One POSIX shell word that the shell reads back as exactly `s`. */
export function shWord(s: string): string {
  return `'${s.replace(/'/g, () => `'\\''`)}'`;
}

export function jsonString(s: string): string {
  return JSON.stringify(s);
}

/**
 * JSON in ASCII only: every other character as its \u escape (surrogate pairs as two), which every JSON
 * reader decodes to the same text. For JSON inside a shell word, where shellcheck takes a typographic
 * quote for a typo (SC1112).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, hex4);
}

/** A YAML double-quoted scalar: JSON escapes, plus the characters YAML forbids unescaped. */
export function yamlString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, hex4);
}

const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, 'g');

/**
 * Inline Markdown that renders as the literal text, also inside a table cell. Answers hold no control
 * character, but what EC2 says (a base image's name) might: it is written as a visible `\u001b`, so
 * `cat decision.md` never sends an escape sequence to a terminal.
 */
export function markdownText(s: string): string {
  return (
    s
      .replace(/[\r\n\t]+/g, ' ')
      .replace(CONTROL, hex4)
      // Edge whitespace is invisible in HTML but not inert in Markdown: four leading spaces start a code
      // block, two trailing ones a hard break, and `** x **` is no longer bold.
      .trim()
      .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
  );
}

/** A single-quoted PowerShell string; PowerShell also treats the typographic quotes as quotes. */
export function powershellString(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}
