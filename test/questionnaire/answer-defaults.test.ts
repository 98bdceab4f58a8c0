// One defaults object (questionnaire/answer-defaults.ts): the schema fills a missing field from it,
// and the wizard's screens preselect it. Held here: a file that leaves everything out parses to those
// defaults, and a wizard run of Enters (--yes) saves exactly what that file would mean.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ANSWER_DEFAULTS } from '../../questionnaire/answer-defaults.ts';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { configToolFor } from '../../questionnaire/config-tool.ts';
import { PLATFORMS } from '../../questionnaire/platforms.ts';
import { validateDraft } from '../../source/answers/draft.ts';
import { runSteps } from '../../source/wizard/flow.ts';
import { WIZARD_STEPS } from '../../source/wizard/steps.ts';
import { scripted, wizardContext } from '../support/scripted-prompts.ts';
import { minimalAnswers } from '../support/answers.ts';

const parse = (answers: unknown) => z.parse(AnswersSchema, answers);

describe('one defaults object', () => {
  it('an answers file that leaves a field out gets ANSWER_DEFAULTS', () => {
    const answers = parse(minimalAnswers());
    const { project, platform, roles, strategy, builder, tags, options } = answers;
    expect({
      project: { stage: project.stage, confidentiality: project.confidentiality, compliance: project.compliance },
      platform,
      roles,
      strategy,
      builder,
      tags,
      options,
    }).toEqual(ANSWER_DEFAULTS);
    // Each field's own default agrees with its object's: a platform without an OS gets the default OS.
    expect(parse({ ...minimalAnswers(), platform: { regions: ['eu-west-1'] } }).platform).toEqual({
      ...ANSWER_DEFAULTS.platform,
      regions: ['eu-west-1'],
    });
    expect(parse({ ...minimalAnswers(), options: {} }).options).toEqual(ANSWER_DEFAULTS.options);
    expect(PLATFORMS[ANSWER_DEFAULTS.platform.os].architectures).toContain(ANSWER_DEFAULTS.platform.architecture);
  });

  it("the wizard's Enters (--yes) give the schema's defaults", async () => {
    const { prompts } = scripted();
    const ctx = wizardContext('/nonexistent', ['--yes'], prompts);
    // Every screen but the files one, which would write.
    await runSteps(
      WIZARD_STEPS.filter((step) => step.id !== 'files'),
      ctx,
    );
    const validated = validateDraft(ctx.draft);
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    const fromWizard = validated.answers;
    // The same file without what the wizard chose: the schema's defaults fill it in.
    const fromSchema = parse({ version: 1, project: { name: fromWizard.project.name }, guidance: ctx.draft.guidance });
    // The wizard saves the configuration tool it preselected; the schema leaves it to configToolFor.
    expect(fromWizard.configManagement).toBe(configToolFor(fromSchema));
    expect({ ...fromWizard, configManagement: undefined }).toEqual({ ...fromSchema, configManagement: undefined });
  });
});
