// The `source "amazon-ebs"` blocks of a generated Packer folder as data: each attribute with its
// value where the value is a literal (string, bool, list of strings), and each nested block with its
// own attributes. A build's `source "source.amazon-ebs.NAME" { ... }` overrides are merged in. What
// the reader does not understand throws, so a check built on it never passes on a guess.
import { HclLexer, isPunct } from './hcl-lexer.ts';
import type { Token } from './hcl-lexer.ts';

/** A literal value, or `expression` for anything Packer evaluates (var.x, local.y, timeadd(...), objects). */
export type HclValue = string | boolean | string[] | { expression: true };

export interface HclBlock {
  attributes: Record<string, HclValue>;
  blocks: { type: string; body: HclBlock }[];
}

export interface AmazonEbsSource extends HclBlock {
  name: string;
  file: string;
}

function fail(file: string, tok: Token | undefined, message: string): never {
  throw new Error(`${file}:${tok?.line ?? '?'}: ${message}`);
}

/** Index of the `}` that closes the `{` at tokens[k]. */
function closing(tokens: Token[], k: number, file: string): number {
  let depth = 0;
  for (let j = k; j < tokens.length; j++) {
    if (isPunct(tokens[j], '{') || isPunct(tokens[j], '[') || isPunct(tokens[j], '(')) depth++;
    else if ((isPunct(tokens[j], '}') || isPunct(tokens[j], ']') || isPunct(tokens[j], ')')) && --depth === 0) return j;
  }
  return fail(file, tokens[k], 'never closes');
}

/** The body of a block whose `{` is at tokens[open]; returns the block and the index of its `}`. */
function blockBody(tokens: Token[], open: number, file: string): { body: HclBlock; end: number } {
  const end = closing(tokens, open, file);
  const body: HclBlock = { attributes: {}, blocks: [] };
  let k = open + 1;
  while (k < end) {
    const tok = tokens[k]!;
    if (tok.kind !== 'ident')
      fail(
        file,
        tok,
        `expected an attribute or a block, found ${JSON.stringify((tok as { value?: string }).value ?? tok.kind)}`,
      );
    if (isPunct(tokens[k + 1], '{')) {
      const inner = blockBody(tokens, k + 1, file);
      body.blocks.push({ type: tok.value, body: inner.body });
      k = inner.end + 1;
      continue;
    }
    if (!isPunct(tokens[k + 1], '=')) fail(file, tok, `${tok.value}: expected = or {`);
    const [value, next] = attributeValue(tokens, k + 2, end, file);
    body.attributes[tok.value] = value;
    k = next;
  }
  return { body, end };
}

/** A value from tokens[k]; returns it and the index after it (the next attribute starts on a new line). */
function attributeValue(tokens: Token[], k: number, end: number, file: string): [HclValue, number] {
  const tok = tokens[k];
  const line = tok?.line;
  const afterExpression = (from: number) => {
    let j = from;
    while (j < end && tokens[j]!.line === line)
      j =
        isPunct(tokens[j], '(') || isPunct(tokens[j], '[') || isPunct(tokens[j], '{')
          ? closing(tokens, j, file) + 1
          : j + 1;
    return j;
  };
  if (tok?.kind === 'string' && tokens[k + 1]?.line !== line) return [tok.value, k + 1];
  if (tok?.kind === 'ident' && (tok.value === 'true' || tok.value === 'false') && tokens[k + 1]?.line !== line)
    return [tok.value === 'true', k + 1];
  if (isPunct(tok, '[')) {
    const close = closing(tokens, k, file);
    const items = tokens.slice(k + 1, close).filter((t) => !isPunct(t, ','));
    if (items.every((t) => t.kind === 'string')) return [items.map((t) => (t as { value: string }).value), close + 1];
  }
  return [{ expression: true }, afterExpression(k)];
}

/** Every `source "amazon-ebs"` of the given .pkr.hcl files, with the overrides each build gives it merged in. */
export function amazonEbsSources(files: { path: string; contents: string }[]): AmazonEbsSource[] {
  const sources: AmazonEbsSource[] = [];
  const overrides: { name: string; body: HclBlock }[] = [];
  for (const { path, contents } of files) {
    const tokens = new HclLexer(contents, { keepInterpolations: true }).tokens();
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (tok.kind !== 'ident' || tok.value !== 'source') continue;
      const [type, name, brace] = [tokens[k + 1], tokens[k + 2], tokens[k + 3]];
      if (type?.kind === 'string' && type.value === 'amazon-ebs' && name?.kind === 'string' && isPunct(brace, '{')) {
        const { body, end } = blockBody(tokens, k + 3, path);
        sources.push({ name: name.value, file: path, ...body });
        k = end;
      } else if (type?.kind === 'string' && type.value.startsWith('source.amazon-ebs.') && isPunct(name, '{')) {
        const { body, end } = blockBody(tokens, k + 2, path);
        overrides.push({ name: type.value.slice('source.amazon-ebs.'.length), body });
        k = end;
      }
    }
  }
  for (const o of overrides) {
    const source = sources.find((s) => s.name === o.name);
    if (!source) throw new Error(`a build overrides source.amazon-ebs.${o.name}, which no template declares`);
    Object.assign(source.attributes, o.body.attributes);
    source.blocks.push(...o.body.blocks);
  }
  return sources;
}

/** `variable "NAME" { default = "..." }` string defaults of the given files. */
export function variableDefaults(files: { path: string; contents: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, contents } of files) {
    const tokens = new HclLexer(contents, { keepInterpolations: true }).tokens();
    for (let k = 0; k < tokens.length; k++) {
      const [kw, name, brace] = [tokens[k], tokens[k + 1], tokens[k + 2]];
      if (kw?.kind !== 'ident' || kw.value !== 'variable' || name?.kind !== 'string' || !isPunct(brace, '{')) continue;
      const { body, end } = blockBody(tokens, k + 2, path);
      if (typeof body.attributes.default === 'string') out[name.value] = body.attributes.default;
      k = end;
    }
  }
  return out;
}
