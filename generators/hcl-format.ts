// Reproduces the one part of `packer fmt` that templates cannot: aligning the `=` of consecutive
// single-line attributes. Templates write `key = value` with single spaces; this pads the keys.
// As in hclwrite, a line that opens a multi-line value (`tags = {`) is not part of any run.
// A heredoc's body is the string itself, so it passes through byte for byte, up to its marker.

const ATTRIBUTE = /^(\s*)([A-Za-z_][\w-]*|"(?:[^"\\]|\\.)*")\s*=\s*(.*)$/;
const OPENS_VALUE = /(?:[{[(]|<<-?\w+)\s*$/;
const OPENS_HEREDOC = /<<-?(\w+)\s*$/;

interface Attribute {
  indent: string;
  key: string;
  value: string;
}

function parseAttribute(line: string): Attribute | undefined {
  const match = ATTRIBUTE.exec(line);
  if (!match || OPENS_VALUE.test(match[3]!)) return undefined;
  return { indent: match[1]!, key: match[2]!, value: match[3]! };
}

export function alignHcl(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let run: Attribute[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.key.length));
    for (const a of run) out.push(`${a.indent}${a.key.padEnd(width)} = ${a.value}`);
    run = [];
  };
  let heredoc: string | undefined; // the closing marker while inside a heredoc's body
  for (const line of lines) {
    if (heredoc !== undefined) {
      out.push(line);
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    const attribute = parseAttribute(line);
    if (attribute && (run.length === 0 || run[0]!.indent === attribute.indent)) {
      run.push(attribute);
      continue;
    }
    flush();
    if (attribute) run.push(attribute);
    else out.push(line.trimEnd());
    heredoc = OPENS_HEREDOC.exec(line)?.[1];
  }
  flush();
  return out.join('\n');
}
