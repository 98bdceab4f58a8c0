// Which configuration-management tool a project uses when the answers do not name one: the one
// its existing tooling already is, else Ansible (agentless, ansible-pull needs no server), or
// plain shell for teams that build golden images or scripts. A tool the OS cannot run (the platform
// catalogue, platforms.ts: Windows has no ansible-pull) gives way to shell.
import { runsConfigTool } from './platforms.ts';
import type { ConfigTool, OperatingSystem } from './platforms.ts';
import type { GuidanceAnswers } from './questions.ts';

export { CONFIG_TOOLS } from './platforms.ts';
export type { ConfigTool } from './platforms.ts';

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
  platform: { os: OperatingSystem };
}): ConfigTool {
  if (answers.configManagement) return answers.configManagement;
  const tool = TOOL_FOR_EXISTING[answers.guidance.existingTooling];
  return runsConfigTool(answers.platform.os, tool) ? tool : 'shell';
}
