// An independent reader of AWSTOE component documents (what Image Builder runs on the build
// instance), after the documented structure: name, optional description, schemaVersion 1.0,
// phases named build / validate / test (each once), each with steps that have a unique name, an
// action from the documented action modules and inputs of that module's shape; onFailure,
// timeoutSeconds, maxAttempts, if and loop as the document reference allows. ExecuteBash command
// blocks and shell scripts a CreateFile writes must pass `bash -n`. Not test/support/awstoe.ts.
import { spawnSync } from 'node:child_process';
import { load } from 'js-yaml';

/** The action modules of the AWSTOE documentation (general execution, files, software, system). */
export const TOE_ACTIONS = [
  'Assert',
  'ExecuteBash',
  'ExecuteBinary',
  'ExecuteDocument',
  'ExecutePowerShell',
  'S3Download',
  'S3Upload',
  'WebDownload',
  'AppendFile',
  'CopyFile',
  'CopyFolder',
  'CreateFile',
  'CreateFolder',
  'CreateSymlink',
  'DeleteFile',
  'DeleteFolder',
  'ListFiles',
  'MoveFile',
  'MoveFolder',
  'ReadFile',
  'SetFileEncoding',
  'SetFileOwner',
  'SetFolderOwner',
  'SetFilePermissions',
  'SetFolderPermissions',
  'InstallMSI',
  'UninstallMSI',
  'Reboot',
  'SetRegistry',
  'UpdateOS',
];
const PHASES = ['build', 'validate', 'test'];
const STEP_KEYS = ['name', 'action', 'inputs', 'onFailure', 'timeoutSeconds', 'maxAttempts', 'if', 'loop'];
const DOCUMENT_KEYS = ['name', 'description', 'schemaVersion', 'phases', 'parameters', 'constants'];
const CREATE_FILE_KEYS = ['path', 'content', 'encoding', 'owner', 'group', 'permissions', 'overwrite'];

export interface ToeStep {
  phase: string;
  name: string;
  action: string;
  inputs: any;
}

export interface ToeReport {
  problems: string[];
  steps: ToeStep[];
}

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');

/** `bash -n` on a script; the problem text, or undefined when it parses. */
export function bashSyntax(script: string): string | undefined {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? undefined : result.stderr.trim() || `bash -n exited ${result.status}`;
}

function checkInputs(action: string, inputs: unknown, at: string, problems: string[]): void {
  const unknownKeys = (m: Record<string, unknown>, allowed: string[]) =>
    Object.keys(m)
      .filter((k) => !allowed.includes(k))
      .forEach((k) => problems.push(`${at}: ${action} has no input ${k}`));
  switch (action) {
    case 'ExecuteBash':
    case 'ExecutePowerShell': {
      if (!isMap(inputs)) return void problems.push(`${at}: ${action} inputs must be a mapping`);
      unknownKeys(inputs, action === 'ExecuteBash' ? ['commands', 'file'] : ['commands', 'file', 'executionPolicy']);
      if ('commands' in inputs === 'file' in inputs)
        problems.push(`${at}: ${action} needs commands or file (one of them)`);
      if ('commands' in inputs && !isStringList(inputs.commands))
        problems.push(`${at}: ${action} commands must be a list of strings`);
      if ('file' in inputs && typeof inputs.file !== 'string') problems.push(`${at}: ${action} file must be a string`);
      if (action === 'ExecuteBash' && isStringList(inputs.commands)) {
        const error = bashSyntax(inputs.commands.join('\n'));
        if (error) problems.push(`${at}: bash -n: ${error}`);
      }
      return;
    }
    case 'CreateFile': {
      if (!Array.isArray(inputs) || inputs.length === 0)
        return void problems.push(`${at}: CreateFile inputs must be a list of files`);
      inputs.forEach((file, i) => {
        const where = `${at}.inputs[${i}]`;
        if (!isMap(file)) return void problems.push(`${where}: a file must be a mapping`);
        unknownKeys(file, CREATE_FILE_KEYS);
        if (typeof file.path !== 'string' || !file.path) problems.push(`${where}: CreateFile needs a path`);
        if ('content' in file && typeof file.content !== 'string') problems.push(`${where}: content must be a string`);
        if ('permissions' in file && !(typeof file.permissions === 'string' && /^[0-7]{3,4}$/.test(file.permissions)))
          problems.push(`${where}: permissions must be an octal string`);
        if ('overwrite' in file && typeof file.overwrite !== 'boolean')
          problems.push(`${where}: overwrite must be true or false`);
        if (typeof file.path === 'string' && file.path.endsWith('.sh') && typeof file.content === 'string') {
          const error = bashSyntax(file.content);
          if (error) problems.push(`${where}: bash -n ${file.path}: ${error}`);
        }
      });
      return;
    }
    case 'Reboot':
      if (inputs === undefined || inputs === null) return;
      if (!isMap(inputs)) return void problems.push(`${at}: Reboot inputs must be a mapping`);
      unknownKeys(inputs, ['delaySeconds']);
      if ('delaySeconds' in inputs && !Number.isInteger(inputs.delaySeconds))
        problems.push(`${at}: delaySeconds must be an integer`);
      return;
    case 'UpdateOS':
      if (inputs === undefined || inputs === null) return;
      if (!isMap(inputs)) return void problems.push(`${at}: UpdateOS inputs must be a mapping`);
      unknownKeys(inputs, ['include', 'exclude']);
      for (const k of ['include', 'exclude'])
        if (k in inputs && !isStringList(inputs[k])) problems.push(`${at}: UpdateOS ${k} must be a list of strings`);
      return;
    default:
      if (inputs !== undefined && !isMap(inputs) && !Array.isArray(inputs))
        problems.push(`${at}: ${action} inputs must be a mapping or a list`);
  }
}

/** Every string in a value, for the {{ }} check. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isMap(value)) return Object.values(value).flatMap(strings);
  return [];
}

export function checkToeDocument(text: string): ToeReport {
  const problems: string[] = [];
  const steps: ToeStep[] = [];
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    return { problems: [`not YAML: ${(e as Error).message.split('\n')[0]}`], steps };
  }
  if (!isMap(doc)) return { problems: ['a component document is a mapping'], steps };
  Object.keys(doc)
    .filter((k) => !DOCUMENT_KEYS.includes(k))
    .forEach((k) => problems.push(`document: unknown key ${k}`));
  if (typeof doc.name !== 'string' || !doc.name) problems.push('document: name missing');
  if ('description' in doc && typeof doc.description !== 'string')
    problems.push('document: description must be a string');
  if (!(doc.schemaVersion === '1.0' || doc.schemaVersion === 1))
    problems.push(`document: schemaVersion must be 1.0, got ${JSON.stringify(doc.schemaVersion)}`);
  if (!Array.isArray(doc.phases) || doc.phases.length === 0)
    return { problems: [...problems, 'document: phases must be a non-empty list'], steps };
  const seenPhases = new Set<string>();
  for (const [p, phase] of doc.phases.entries()) {
    const at = `phases[${p}]`;
    if (!isMap(phase)) {
      problems.push(`${at}: a phase is a mapping`);
      continue;
    }
    const name = String(phase.name);
    if (!PHASES.includes(name)) problems.push(`${at}: phase ${name} is not build, validate or test`);
    if (seenPhases.has(name)) problems.push(`${at}: phase ${name} appears twice`);
    seenPhases.add(name);
    if (!Array.isArray(phase.steps) || phase.steps.length === 0) {
      problems.push(`${at}: steps must be a non-empty list`);
      continue;
    }
    const seenSteps = new Set<string>();
    for (const [s, step] of phase.steps.entries()) {
      const where = `${name}.steps[${s}]`;
      if (!isMap(step)) {
        problems.push(`${where}: a step is a mapping`);
        continue;
      }
      Object.keys(step)
        .filter((k) => !STEP_KEYS.includes(k))
        .forEach((k) => problems.push(`${where}: unknown step key ${k}`));
      if (typeof step.name !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(step.name))
        problems.push(`${where}: step name ${JSON.stringify(step.name)} missing or not alphanumeric`);
      else if (seenSteps.has(step.name))
        problems.push(`${where}: step name ${step.name} is not unique in phase ${name}`);
      else seenSteps.add(step.name);
      if (typeof step.action !== 'string' || !TOE_ACTIONS.includes(step.action))
        problems.push(`${where}: ${JSON.stringify(step.action)} is not an AWSTOE action module`);
      else checkInputs(step.action, step.inputs, `${where} (${step.action})`, problems);
      if ('onFailure' in step && !['Abort', 'Continue', 'Ignore'].includes(String(step.onFailure)))
        problems.push(`${where}: onFailure must be Abort, Continue or Ignore`);
      if (
        'timeoutSeconds' in step &&
        !(Number.isInteger(step.timeoutSeconds) && (step.timeoutSeconds === -1 || (step.timeoutSeconds as number) > 0))
      )
        problems.push(`${where}: timeoutSeconds must be a positive integer or -1`);
      if ('maxAttempts' in step && !(Number.isInteger(step.maxAttempts) && (step.maxAttempts as number) > 0))
        problems.push(`${where}: maxAttempts must be a positive integer`);
      steps.push({ phase: name, name: String(step.name), action: String(step.action), inputs: step.inputs });
    }
  }
  // AWSTOE substitutes {{ variable }} in every input before a step runs; the generated documents
  // declare no variables, so any {{ would change a script or a file on the way.
  if (strings(doc.phases).some((s) => s.includes('{{')))
    problems.push('document: {{ in an input (AWSTOE would substitute it)');
  return { problems, steps };
}
