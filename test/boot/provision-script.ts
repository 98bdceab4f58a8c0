// One Packer build turned into the bash script that does what Packer would do on the build
// instance, provisioner by provisioner in the written order:
// - shell: each script (or the inline commands, written to a script with Packer's shebang) is
//   uploaded to /tmp/script_N.sh and run through `execute_command` with `{{.Path}}` and `{{.Vars}}`
//   filled in as Packer fills them (PACKER_BUILD_NAME, PACKER_BUILDER_TYPE and environment_vars,
//   sorted, single-quoted); a custom execute_command without {{.Vars}} gets no variables, as in Packer;
// - file: an upload copies a file, a folder (`dir`), or a folder's contents (`dir/`) to the destination;
//   a download copies from the instance to the build machine (here: SIM/downloads);
// - breakpoint: prints its note and goes on, as a build with nobody at the keyboard would not.
// A non-zero exit ends the build, as in Packer.
import { shWord } from '../../generators/escape.ts';
import type { PackerBuild, Provisioner } from './packer-builds.ts';

const DEFAULT_EXECUTE = 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}';
const DEFAULT_SHEBANG = '/bin/sh -e';

function str(p: Provisioner, name: string): string | undefined {
  const value = p.attrs[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new Error(`${p.at}: ${name} should be a string`);
  return value;
}
function list(p: Provisioner, name: string): string[] {
  const value = p.attrs[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${p.at}: ${name} should be a list`);
  return value;
}

/**
 * Text that reaches a script as it is written: after Packer's evaluation no `${` or `%{` may be left
 * (an escaped `$${var.x}` passes the expression's text, never its value).
 */
function noLiteralExpression(p: Provisioner, what: string, text: string): string {
  const found = /\$\{[^}]*\}?|%\{[^}]*\}?/.exec(text);
  if (found)
    throw new Error(
      `${p.at}: ${what} passes the literal text ${JSON.stringify(found[0])} to the build instance instead of a value`,
    );
  return text;
}

function packerVars(build: PackerBuild, p: Provisioner): string {
  const vars = new Map<string, string>([
    ['PACKER_BUILD_NAME', build.name],
    ['PACKER_BUILDER_TYPE', 'amazon-ebs'],
  ]);
  for (const pair of list(p, 'environment_vars')) {
    noLiteralExpression(p, 'environment_vars', pair);
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`${p.at}: environment_vars entry ${JSON.stringify(pair)} is not KEY=VALUE`);
    vars.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return [...vars]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}='${v.replace(/'/g, `'"'"'`)}' `)
    .join('');
}

const render = (template: string, path: string, vars: string) =>
  template.replace(/\{\{\s*\.Path\s*\}\}/g, path).replace(/\{\{\s*\.Vars\s*\}\}/g, vars);

let counter = 0;

function shell(build: PackerBuild, p: Provisioner): string[] {
  const execute = str(p, 'execute_command') ?? DEFAULT_EXECUTE;
  const vars = packerVars(build, p);
  const sources = [...(str(p, 'script') ? [str(p, 'script')!] : []), ...list(p, 'scripts')];
  const inline = list(p, 'inline').map((line) => noLiteralExpression(p, 'inline', line));
  const lines: string[] = [`# ${p.at}: shell`];
  const runRemote = (remote: string) => {
    lines.push(`/bin/sh -c ${shWord(render(execute, remote, vars))} || fail ${shWord(`${p.at}: ${remote}`)}`);
    lines.push(`rm -f ${remote}`);
  };
  for (const source of sources) {
    const remote = `/tmp/script_${++counter}.sh`;
    lines.push(`install -m 0755 ${shWord(source)} ${remote}`);
    runRemote(remote);
  }
  if (inline.length) {
    const remote = `/tmp/script_${++counter}.sh`;
    const body = [`#!${str(p, 'inline_shebang') ?? DEFAULT_SHEBANG}`, ...inline].join('\n');
    lines.push(`printf '%s\\n' ${shWord(body)} > ${remote}`, `chmod 0755 ${remote}`);
    runRemote(remote);
  }
  if (sources.length + inline.length === 0)
    throw new Error(`${p.at}: a shell provisioner without script, scripts or inline`);
  return lines;
}

function file(p: Provisioner): string[] {
  const source = str(p, 'source');
  const destination = str(p, 'destination');
  if (!source || !destination) throw new Error(`${p.at}: a file provisioner needs source and destination`);
  if ((str(p, 'direction') ?? 'upload') === 'download') {
    return [
      `# ${p.at}: file download`,
      `mkdir -p /sim/downloads && cp -a ${shWord(source)} ${shWord(`/sim/downloads/${destination}`)} || fail ${shWord(`${p.at}: download ${source}`)}`,
    ];
  }
  const copy = source.endsWith('/')
    ? `mkdir -p ${shWord(destination)} && cp -a ${shWord(`${source}.`)} ${shWord(destination)}`
    : `if [ -d ${shWord(source)} ]; then mkdir -p ${shWord(destination)} && cp -a ${shWord(source)} ${shWord(destination)}; else cp ${shWord(source)} ${shWord(destination)}; fi`;
  return [`# ${p.at}: file upload`, `${copy} || fail ${shWord(`${p.at}: upload ${source}`)}`];
}

export function provisionScript(build: PackerBuild, packerDir: string): string {
  const lines = [
    '#!/usr/bin/env bash',
    `# Packer build ${build.name}: its provisioners in their written order.`,
    'fail() { echo "build failed: $1" >&2; exit 1; }',
    `cd ${shWord(packerDir)} || exit 1`,
  ];
  for (const p of build.provisioners) {
    if (p.type === 'shell') lines.push(...shell(build, p));
    else if (p.type === 'file') lines.push(...file(p));
    else if (p.type === 'breakpoint')
      lines.push(`# ${p.at}: breakpoint`, `echo ${shWord(`breakpoint: ${str(p, 'note') ?? ''}`)}`);
    else throw new Error(`${p.at}: provisioner "${p.type}" is not simulated (Linux builds only)`);
  }
  lines.push(`echo ${shWord(`build ${build.name} finished`)}`);
  return `${lines.join('\n')}\n`;
}
