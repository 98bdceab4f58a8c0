// Which configuration-management tool a project uses when the answers do not name one: the one
// its existing tooling already is, else Ansible (agentless, ansible-pull needs no server), or
// plain shell for teams that build golden images or scripts. Windows has no ansible-pull.
import type { GuidanceAnswers } from './questions.ts';

export const CONFIG_TOOLS = ['ansible', 'chef', 'puppet', 'salt', 'shell'] as const;
export type ConfigTool = (typeof CONFIG_TOOLS)[number];

const TOOL_FOR_EXISTING: Record<GuidanceAnswers['existingTooling'], ConfigTool> = {
  none: 'ansible',
  'golden-images': 'shell',
  'shell-scripts': 'shell',
  ansible: 'ansible',
  chef: 'chef',
  puppet: 'puppet',
  salt: 'salt',
};

export function configToolFor(answers: {
  configManagement?: ConfigTool | undefined;
  guidance: Pick<GuidanceAnswers, 'existingTooling'>;
  platform: { os: string };
}): ConfigTool {
  if (answers.configManagement) return answers.configManagement;
  const tool = TOOL_FOR_EXISTING[answers.guidance.existingTooling];
  return tool === 'ansible' && answers.platform.os === 'windows-server-2022' ? 'shell' : tool;
}
