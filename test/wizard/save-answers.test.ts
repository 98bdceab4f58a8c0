// The file-name questions draw the name the user gave (--answers, or typed): a name holding terminal
// control sequences must be shown escaped, never sent to the terminal as is.
import { describe, expect, it } from 'vitest';
import { chooseAnswersFile } from '../../source/wizard/save-answers.ts';
import { BACK } from '../../source/wizard/context.ts';

describe('chooseAnswersFile', () => {
  it('shows a hostile existing file name escaped in its title and choices', async () => {
    const shown: string[] = [];
    const prompts = {
      select: async (options: { title: string; choices: { label: string }[] }) => {
        shown.push(options.title, ...options.choices.map((c) => c.label));
        return 'cancel';
      },
      text: async () => BACK,
    };
    const name = 'team\u001b[2J\u202e.yaml';
    const result = await chooseAnswersFile(prompts as never, 'Save', name, async () => true);
    expect(result).toBe(BACK);
    expect(shown.join('\n')).toContain('team');
    expect(shown.join('\n')).not.toMatch(/[\u001b\u202e]/);
  });
});
