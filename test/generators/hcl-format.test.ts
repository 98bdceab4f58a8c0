// alignHcl does the one part of `packer fmt` templates cannot: it pads the keys of consecutive
// single-line attributes so their `=` line up, and leaves every other line's text alone.
import { describe, expect, it } from 'vitest';
import { alignHcl } from '../../generators/hcl-format.ts';

const lines = (...l: string[]) => l.join('\n');

describe('alignHcl', () => {
  it('aligns the = of consecutive attributes at the same indent', () => {
    const input = lines(
      'source "amazon-ebs" "base" {',
      '  region = "eu-west-1"',
      '  instance_type = "t3.micro"',
      '  ami_name = "x"',
      '}',
    );
    expect(alignHcl(input)).toBe(
      lines(
        'source "amazon-ebs" "base" {',
        '  region        = "eu-west-1"',
        '  instance_type = "t3.micro"',
        '  ami_name      = "x"',
        '}',
      ),
    );
  });

  it('starts a new run at a blank line, a block or a change of indent', () => {
    const input = lines('a = 1', 'bbb = 2', '', 'cc = 3', 'x {', '  dddd = 4', '}', 'e = 5');
    expect(alignHcl(input)).toBe(lines('a   = 1', 'bbb = 2', '', 'cc = 3', 'x {', '  dddd = 4', '}', 'e = 5'));
  });

  it('keeps a line that opens a multi-line value out of the run, as hclwrite does', () => {
    const input = lines('name = "x"', 'tags = {', '  Team = "a"', '  CostCenter = "b"', '}', 'long_key = 1');
    expect(alignHcl(input)).toBe(
      lines('name = "x"', 'tags = {', '  Team       = "a"', '  CostCenter = "b"', '}', 'long_key = 1'),
    );
  });

  it('aligns quoted keys and normalises the spaces around =', () => {
    expect(alignHcl(lines('"a-b"="1"', 'c   =   2'))).toBe(lines('"a-b" = "1"', 'c     = 2'));
  });

  it('trims trailing whitespace from other lines and keeps a final newline', () => {
    expect(alignHcl('x {  \n}\t\n')).toBe('x {\n}\n');
  });

  it('is idempotent', () => {
    const input = lines('a = 1', 'bbb = 2', 'x {', '  k = "v"', '  kk = <<EOF', '  a = 1', '  bbb = 2', 'EOF', '}');
    expect(alignHcl(alignHcl(input))).toBe(alignHcl(input));
  });

  describe('heredocs', () => {
    // A heredoc is a string: its body is the value, so padding or trimming it changes the image.
    const body = ['key = value', '  longer_key = 2   ', '\tx=1', '', '    EOFX = not the end'];

    it('leaves a <<EOF body byte for byte, and still aligns the attributes around it', () => {
      const input = lines('a = 1', 'bbb = 2', 'user_data = <<EOF', ...body, 'EOF', 'c = 3', 'dddd = 4');
      expect(alignHcl(input)).toBe(
        lines('a   = 1', 'bbb = 2', 'user_data = <<EOF', ...body, 'EOF', 'c    = 3', 'dddd = 4'),
      );
    });

    it('leaves an indented <<-EOF body byte for byte, up to its indented closing marker', () => {
      const input = lines(
        'x {',
        '  a = 1',
        '  script = <<-SH',
        ...body.map((l) => `    ${l}`),
        '  SH',
        '  bb = 2',
        '  c = 3',
        '}',
      );
      expect(alignHcl(input)).toBe(
        lines(
          'x {',
          '  a = 1',
          '  script = <<-SH',
          ...body.map((l) => `    ${l}`),
          '  SH',
          '  bb = 2',
          '  c  = 3',
          '}',
        ),
      );
    });

    it('ends at the marker alone on its line, not at a line that only starts with it', () => {
      const input = lines('s = <<END', 'ENDING = 1', 'END = 2', 'END', 'k = 1', 'kk = 2');
      expect(alignHcl(input)).toBe(lines('s = <<END', 'ENDING = 1', 'END = 2', 'END', 'k  = 1', 'kk = 2'));
    });
  });
});
