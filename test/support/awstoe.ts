// AWSTOE component documents (EC2 Image Builder) checked against their documented structure: a
// name, schemaVersion 1.0, phases named build, validate or test (each once), steps with a unique
// name, a known action, the inputs that action takes, and the optional onFailure, timeoutSeconds,
// maxAttempts and loop. The action modules and their inputs are the documented ones this project
// uses; any other action is reported, so a new one is added here on purpose.
import { load } from 'js-yaml';

export interface DocumentProblem {
  at: string;
  message: string;
}

type Inputs = (inputs: unknown, at: string, problems: DocumentProblem[]) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An object of exactly the allowed keys (those required must be there) and their types. */
function shape(
  allowed: Record<string, 'string' | 'string[]' | 'number' | 'boolean'>,
  required: string[],
): (v: unknown, at: string, problems: DocumentProblem[]) => void {
  return (v, at, problems) => {
    if (!isRecord(v)) return void problems.push({ at, message: 'inputs must be a mapping' });
    for (const key of required) if (!Object.hasOwn(v, key)) problems.push({ at, message: `missing input ${key}` });
    for (const [key, value] of Object.entries(v)) {
      const type = allowed[key];
      if (!type) problems.push({ at, message: `unknown input ${key}` });
      else if (
        type === 'string[]'
          ? !(Array.isArray(value) && value.every((s) => typeof s === 'string'))
          : typeof value !== type
      ) {
        problems.push({ at: `${at}.${key}`, message: `must be ${type}` });
      }
    }
  };
}

const commands = shape({ commands: 'string[]', file: 'string' }, []);
const ACTIONS: Record<string, Inputs> = {
  ExecuteBash: (v, at, problems) => {
    commands(v, at, problems);
    if (isRecord(v) && !('commands' in v) === !('file' in v))
      problems.push({ at, message: 'give commands or file, not both' });
  },
  ExecutePowerShell: (v, at, problems) => {
    commands(v, at, problems);
    if (isRecord(v) && !('commands' in v) === !('file' in v))
      problems.push({ at, message: 'give commands or file, not both' });
  },
  CreateFile: (v, at, problems) => {
    if (!Array.isArray(v) || v.length === 0)
      return void problems.push({ at, message: 'CreateFile takes a list of files' });
    const file = shape(
      {
        path: 'string',
        content: 'string',
        encoding: 'string',
        owner: 'string',
        group: 'string',
        permissions: 'string',
        overwrite: 'boolean',
      },
      ['path'],
    );
    v.forEach((f, i) => file(f, `${at}[${i}]`, problems));
  },
  Reboot: shape({ delaySeconds: 'number' }, []),
  UpdateOS: shape({ include: 'string[]', exclude: 'string[]' }, []),
};
const PHASES = ['build', 'validate', 'test'];
const STEP_KEYS = new Set(['name', 'action', 'inputs', 'onFailure', 'timeoutSeconds', 'maxAttempts', 'loop', 'if']);

export interface Step {
  phase: string;
  name: string;
  action: string;
  inputs: any;
}

/** The document's problems (none: it is well formed) and its steps in the order AWSTOE runs them. */
export function checkComponentDocument(text: string): { problems: DocumentProblem[]; steps: Step[] } {
  const problems: DocumentProblem[] = [];
  const steps: Step[] = [];
  let doc: unknown;
  try {
    doc = load(text);
  } catch (error) {
    return { problems: [{ at: '(document)', message: `not YAML: ${(error as Error).message.split('\n')[0]}` }], steps };
  }
  if (!isRecord(doc)) return { problems: [{ at: '(document)', message: 'not a mapping' }], steps };
  if (typeof doc.name !== 'string' || !doc.name) problems.push({ at: 'name', message: 'required' });
  if (String(doc.schemaVersion) !== '1.0')
    problems.push({ at: 'schemaVersion', message: `must be 1.0, not ${JSON.stringify(doc.schemaVersion)}` });
  for (const key of Object.keys(doc))
    if (!['name', 'description', 'schemaVersion', 'parameters', 'constants', 'phases'].includes(key))
      problems.push({ at: key, message: 'unknown top-level key' });
  if (!Array.isArray(doc.phases) || doc.phases.length === 0)
    return { problems: [...problems, { at: 'phases', message: 'a list of phases is required' }], steps };
  const seen = new Set<string>();
  doc.phases.forEach((phase: unknown, p: number) => {
    const at = `phases[${p}]`;
    if (!isRecord(phase)) return void problems.push({ at, message: 'a phase is a mapping' });
    const name = String(phase.name);
    if (!PHASES.includes(name)) problems.push({ at: `${at}.name`, message: `must be one of ${PHASES.join(', ')}` });
    if (seen.has(name)) problems.push({ at: `${at}.name`, message: `phase ${name} appears twice` });
    seen.add(name);
    if (!Array.isArray(phase.steps) || phase.steps.length === 0)
      return void problems.push({ at: `${at}.steps`, message: 'a list of steps is required' });
    const names = new Set<string>();
    phase.steps.forEach((step: unknown, s: number) => {
      const sat = `${at}.steps[${s}]`;
      if (!isRecord(step)) return void problems.push({ at: sat, message: 'a step is a mapping' });
      for (const key of Object.keys(step))
        if (!STEP_KEYS.has(key)) problems.push({ at: `${sat}.${key}`, message: 'unknown step key' });
      if (typeof step.name !== 'string' || !/^[A-Za-z0-9_]{1,128}$/.test(step.name))
        problems.push({ at: `${sat}.name`, message: 'letters, digits and _ (at most 128)' });
      if (names.has(String(step.name)))
        problems.push({ at: `${sat}.name`, message: `step ${String(step.name)} appears twice` });
      names.add(String(step.name));
      if (step.onFailure !== undefined && !['Abort', 'Continue', 'Ignore'].includes(String(step.onFailure)))
        problems.push({ at: `${sat}.onFailure`, message: 'Abort, Continue or Ignore' });
      for (const key of ['timeoutSeconds', 'maxAttempts'])
        if (step[key] !== undefined && !Number.isInteger(step[key]))
          problems.push({ at: `${sat}.${key}`, message: 'an integer' });
      const check = ACTIONS[String(step.action)];
      if (!check) return void problems.push({ at: `${sat}.action`, message: `unknown action ${String(step.action)}` });
      check(step.inputs ?? {}, `${sat}.inputs`, problems);
      steps.push({ phase: name, name: String(step.name), action: String(step.action), inputs: step.inputs });
    });
  });
  return { problems, steps };
}

export const formatDocumentProblems = (problems: DocumentProblem[]): string =>
  problems.map((p) => `${p.at}: ${p.message}`).join('\n');
