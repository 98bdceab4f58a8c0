// A small HCL lexer for the Packer templates ami-wizard generates: quoted strings decoded by the HCL
// spec's rules (escapes, `$${` and `%%{` literal), identifiers, punctuation; comments and heredocs
// stepped over. Anything it does not understand throws, so a check built on it never passes on a
// guess. (test/validators/config-language-checks.ts compares the decoding with `packer console`.)

/** What a `${ ... }` interpolation becomes: its value is Packer's, unknown here; a variable parses wherever a value can stand. */
export const INTERPOLATION_STAND_IN = '$packer_interpolation';

/** A piece of a quoted template: literal text (escapes decoded) or an interpolation's expression. */
export type StringPart = { kind: 'text'; text: string } | { kind: 'expr'; expr: string };

export type Token =
  | { kind: 'string'; value: string; parts: StringPart[]; line: number }
  | { kind: 'ident'; value: string; line: number }
  | { kind: 'punct'; value: string; line: number }
  | { kind: 'heredoc'; line: number };

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export class HclLexer {
  private i = 0;
  private line = 1;
  /** keepInterpolations: a `${ ... }` stays as written in the decoded string (else the stand-in). */
  constructor(
    private readonly text: string,
    private readonly options: { keepInterpolations?: boolean } = {},
  ) {}

  tokens(): Token[] {
    const out: Token[] = [];
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === '\n') this.line++;
      if (/\s/.test(c)) this.i++;
      else if (c === '#' || t.startsWith('//', this.i)) this.skipTo('\n', false);
      else if (t.startsWith('/*', this.i)) this.skipTo('*/', true);
      else if (c === '"') out.push({ kind: 'string', line: this.line, ...this.quoted() });
      else if (t.startsWith('<<', this.i)) out.push(this.heredoc());
      else if (/[A-Za-z_]/.test(c)) {
        const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(t.slice(this.i))![0];
        out.push({ kind: 'ident', value: word, line: this.line });
        this.i += word.length;
      } else {
        out.push({ kind: 'punct', value: c, line: this.line });
        this.i++;
      }
    }
    return out;
  }

  private fail(message: string): never {
    throw new Error(`HCL line ${this.line}: ${message}`);
  }

  private skipTo(end: string, past: boolean): void {
    const at = this.text.indexOf(end, this.i);
    const stop = at < 0 ? this.text.length : past ? at + end.length : at;
    this.line += (this.text.slice(this.i, stop).match(/\n/g) ?? []).length;
    this.i = stop;
  }

  /**
   * A quoted template from its opening quote: HCL's escapes decoded, `$${` and `%%{` literal. `parts`
   * keeps literal text apart from interpolations, so a literal `${` (from `$${`) is never mistaken for one.
   */
  private quoted(): { value: string; parts: StringPart[] } {
    const t = this.text;
    let value = '';
    const parts: StringPart[] = [];
    const text = (s: string) => {
      value += s;
      const last = parts.at(-1);
      if (last?.kind === 'text') last.text += s;
      else parts.push({ kind: 'text', text: s });
    };
    this.i++;
    for (;;) {
      const c = t[this.i];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      if (c === '"') break;
      if (c === '\\') {
        const e = t[this.i + 1] ?? '';
        const hex = e === 'u' ? 4 : e === 'U' ? 8 : 0;
        if (hex) {
          const digits = t.slice(this.i + 2, this.i + 2 + hex);
          if (!new RegExp(`^[0-9A-Fa-f]{${hex}}$`).test(digits)) this.fail(`bad \\${e} escape`);
          text(String.fromCodePoint(parseInt(digits, 16)));
          this.i += 2 + hex;
        } else if (e in ESCAPES) {
          text(ESCAPES[e]!);
          this.i += 2;
        } else this.fail(`unknown escape \\${e}`);
      } else if (t.startsWith('$${', this.i) || t.startsWith('%%{', this.i)) {
        text(`${c}{`);
        this.i += 3;
      } else if (t.startsWith('${', this.i)) {
        const start = this.i;
        this.skipTemplateSequence();
        value += this.options.keepInterpolations ? t.slice(start, this.i) : INTERPOLATION_STAND_IN;
        parts.push({ kind: 'expr', expr: t.slice(start + 2, this.i - 1).trim() });
      } else if (t.startsWith('%{', this.i)) {
        this.fail('a template directive (%{ ... }) in a string: its text depends on Packer and is not decoded here');
      } else {
        text(c);
        this.i++;
      }
    }
    this.i++;
    return { value, parts };
  }

  /** Past the `}` that closes `${`, stepping over nested braces and strings. */
  private skipTemplateSequence(): void {
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === '"') {
        this.quoted();
        continue;
      }
      this.i++;
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return;
      else if (c === '\n') this.fail('unterminated interpolation');
    }
    this.fail('unterminated interpolation');
  }

  /** Steps over a heredoc (`<<EOT` or `<<-EOT` to a line holding only EOT). */
  private heredoc(): Token {
    const line = this.line;
    const rest = this.text.slice(this.i);
    const head = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\n/.exec(rest);
    if (!head) this.fail('a heredoc should name its delimiter and end the line');
    const close = new RegExp(`^[ \\t]*${head[1]}[ \\t]*$`, 'm').exec(rest.slice(head[0].length));
    if (!close) this.fail(`heredoc ${head[1]} never closes`);
    const end = this.i + head[0].length + close.index + close[0].length;
    this.line += (this.text.slice(this.i, end).match(/\n/g) ?? []).length;
    this.i = end;
    return { kind: 'heredoc', line };
  }
}

export function isPunct(tok: Token | undefined, value: string): boolean {
  return tok?.kind === 'punct' && tok.value === value;
}
