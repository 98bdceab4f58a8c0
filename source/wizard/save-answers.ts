// Where to save an answers file, asked, never assumed: a file that is there is replaced only when the
// user says so, or the answers go under another name (save-as). The Files screen's "save the answers
// only" and the workshop's `s` both ask through here.
import { hasControlCharacter } from '../../questionnaire/answer-values.ts';
import { BACK } from './context.ts';
import type { Back, Prompts } from './context.ts';

type Choice = 'overwrite' | 'other' | 'cancel';

const ANSWERS_FILE_NAME = /\.ya?ml$/;

/** What a file name typed at "Save the answers as" must be. */
export function answersFileNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Type a file name, such as team.yaml.';
  if (hasControlCharacter(name))
    return 'A file name without control characters, bidi overrides or invisible characters, such as team.yaml.';
  if (!ANSWERS_FILE_NAME.test(name))
    return `${name} does not end in .yaml or .yml; answers files are YAML (for example team.yaml).`;
  return undefined;
}

/** A name beside `file` that is not taken yet: team.yaml -> team-2.yaml, team-3.yaml, … */
async function freeName(file: string, exists: (name: string) => Promise<boolean>): Promise<string> {
  const stem = file.replace(ANSWERS_FILE_NAME, '');
  for (let n = 2; n < 100; n++) if (!(await exists(`${stem}-${n}.yaml`))) return `${stem}-${n}.yaml`;
  return `${stem}-new.yaml`;
}

/**
 * The file to save to, starting from `file` (as the user would type it); BACK when the user
 * cancels. `exists` says whether something is at a name.
 */
export async function chooseAnswersFile(
  prompts: Pick<Prompts, 'select' | 'text'>,
  section: string,
  file: string,
  exists: (name: string) => Promise<boolean>,
): Promise<string | Back> {
  let name = file;
  for (;;) {
    if (!(await exists(name))) return name;
    const choice = await prompts.select<Choice>({
      section,
      title: `${name} already exists. Replace it?`,
      hint: 'Nothing is written until you choose.',
      choices: [
        { value: 'other', label: 'Save under another name…' },
        { value: 'overwrite', label: `Replace ${name} with these answers` },
        { value: 'cancel', label: 'Cancel, save nothing' },
      ],
      initial: 'other',
    });
    if (choice === BACK || choice === 'cancel') return BACK;
    if (choice === 'overwrite') return name;
    const typed = await prompts.text({
      section,
      title: 'Save the answers as',
      hint: 'A YAML file name, relative to this folder.',
      initial: await freeName(name, exists),
      validate: answersFileNameProblem,
    });
    if (typed === BACK) continue;
    name = typed.trim();
  }
}
