// The inline PowerShell of a Packer template: `provisioner "powershell" { inline = [ "...", ... ] }`.
// Packer writes the decoded strings one a line into a script and runs it, so that script is what
// PowerShell parses. A small HCL lexer finds the blocks and decodes the quoted strings by the HCL
// spec's rules; anything it does not understand throws, so a check never passes on a guess.
// (A test compares the decoding with `packer console` on a string with every escape.)

import { HclLexer, isPunct } from './hcl-lexer.ts';
import type { Token } from './hcl-lexer.ts';

export interface InlineScript {
  /** Line of the `inline` attribute in the .pkr.hcl file. */
  line: number;
  /** The decoded commands joined by newlines, as Packer writes them. */
  script: string;
}

export { INTERPOLATION_STAND_IN } from './hcl-lexer.ts';

/** The inline scripts of every `provisioner "powershell"` block, and how many such blocks there are. */
export function packerInlinePowerShell(hcl: string): { blocks: number; scripts: InlineScript[] } {
  const tokens = new HclLexer(hcl).tokens();
  const scripts: InlineScript[] = [];
  let blocks = 0;
  let depth = 0;
  let powershellDepth = -1; // depth inside the open provisioner "powershell" block, if any
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.kind === 'punct' && tok.value === '{') {
      const [a, b] = [tokens[k - 2], tokens[k - 1]];
      depth++;
      if (a?.kind === 'ident' && a.value === 'provisioner' && b?.kind === 'string' && b.value === 'powershell') {
        blocks++;
        powershellDepth = depth;
      }
    } else if (tok.kind === 'punct' && tok.value === '}') {
      if (depth === powershellDepth) powershellDepth = -1;
      depth--;
    } else if (
      depth === powershellDepth &&
      tok.kind === 'ident' &&
      tok.value === 'inline' &&
      isPunct(tokens[k + 1], '=')
    ) {
      if (!isPunct(tokens[k + 2], '[')) throw new Error(`HCL line ${tok.line}: inline should be a list literal`);
      const { strings, end } = listOfStrings(tokens, k + 3);
      scripts.push({ line: tok.line, script: strings.join('\n') });
      k = end;
    }
  }
  return { blocks, scripts };
}

/** Strings separated by commas up to the closing `]`; anything else is not decoded, so it throws. */
function listOfStrings(tokens: Token[], start: number): { strings: string[]; end: number } {
  const strings: string[] = [];
  for (let k = start; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (isPunct(tok, ']')) return { strings, end: k };
    if (tok.kind === 'string' && (isPunct(tokens[k + 1], ',') || isPunct(tokens[k + 1], ']'))) {
      strings.push(tok.value);
      if (isPunct(tokens[k + 1], ',')) k++;
      continue;
    }
    throw new Error(`HCL line ${tok.line}: an inline element that is not a quoted string is not decoded here`);
  }
  throw new Error('HCL: inline list never closes');
}
