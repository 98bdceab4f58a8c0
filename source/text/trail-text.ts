// The trail the wizard leaves above its `Design:` line once the files are written (as clack does):
// what was answered, a line per group of screens, each cut to the width so the whole ending stays on
// a 24-row terminal. The design itself is the line below it.
import type { Answers } from '../../questionnaire/answers-schema.ts';
import { OS_LABELS } from '../../questionnaire/answer-values.ts';
import { configToolFor } from '../../questionnaire/config-tool.ts';
import {
  BUILDER_LABELS,
  CONFIDENTIALITY_LABELS,
  CONFIG_TOOL_LABELS,
  QUESTION_LABELS,
  STAGE_LABELS,
} from '../../questionnaire/labels.ts';
import { QUESTION_KEYS, choiceLabel, defaultGuidance } from '../../questionnaire/questions.ts';
import { platformFacts } from '../../generators/platforms.ts';
import { printable } from './printable.ts';

const MARK = '◇';

/** A line cut at `width` with an ellipsis, so the terminal never wraps it. */
const cutToWidth = (line: string, width: number): string =>
  line.length <= width ? line : `${line.slice(0, width - 1)}…`;

/** The guidance answers that differ from the defaults, then how many were left at the default. */
function guidanceText(answers: Answers): string {
  const defaults = defaultGuidance();
  const changed = QUESTION_KEYS.filter((key) => answers.guidance[key] !== defaults[key]);
  const kept = QUESTION_KEYS.length - changed.length;
  if (changed.length === 0) return `the ${kept} defaults`;
  const parts = changed.map((key) => `${QUESTION_LABELS[key]}: ${choiceLabel(key, answers.guidance[key] as never)}`);
  return [...parts, ...(kept > 0 ? [`${kept} ${kept === 1 ? 'default' : 'defaults'}`] : [])].join(' · ');
}

export function trailLines(answers: Answers, width = 80): string[] {
  const { project, platform } = answers;
  const [build, ...copies] = [...platform.regions, ...(answers.options?.copyToRegions ?? [])];
  const tool = CONFIG_TOOL_LABELS[configToolFor(answers)].replace(/ \(.*\)$/, '');
  const instanceType = platform.instanceType ?? platformFacts(platform.os, platform.architecture).defaultInstanceType;
  const workflow = answers.options?.githubActions ? ' · GitHub workflow' : '';
  const compliance = project.compliance.length > 0 ? project.compliance.join(', ') : 'no compliance';
  return [
    `${project.name} · ${OS_LABELS[platform.os]}, ${platform.architecture} · ${build} (build)${copies.length > 0 ? `, ${copies.join(', ')}` : ''}`,
    `Roles: ${answers.roles.map((role) => role.name).join(', ')}`,
    `Guidance: ${guidanceText(answers)}`,
    `Build: ${BUILDER_LABELS[answers.builder]} · ${tool} · ${instanceType}${workflow}`,
    `Tags: ${STAGE_LABELS[project.stage]} · ${CONFIDENTIALITY_LABELS[project.confidentiality]} · ${compliance} · cost center ${project.costCenter ?? 'unassigned'}`,
  ].map((line) => cutToWidth(`${MARK} ${printable(line)}`, width));
}
