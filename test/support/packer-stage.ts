// Packer 1.6.6 (Debian's, the only one that installs here) reads every construct of our templates
// except the ones newer than it (measured: test/fixtures/upstream/packer/packer-1.6.6-rejects.txt). Stage a copy without exactly those so `packer validate`
// can check everything else: references, provisioner files, attribute names and types.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// From test/fixtures/upstream/packer/packer-1.6.6-rejects.txt, for the names our templates use.
const REJECTED_ATTRIBUTES = [
  'imds_support',
  'deprecate_at',
  'ami_org_arns',
  'ami_ou_arns',
  'temporary_security_group_source_public_ip',
];
const REJECTED_BLOCKS = ['packer', 'metadata_options'];
// Provisioners from plugins that `packer init` installs; 1.6.6 has no init and no such plugin.
const PLUGIN_PROVISIONERS = ['windows-update'];

function stripForPacker166(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^(\s*)([a-z_]+) \{$/.exec(line);
    const plugin = /^(\s*)provisioner "([a-z-]+)" \{$/.exec(line);
    if ((block && REJECTED_BLOCKS.includes(block[2]!)) || (plugin && PLUGIN_PROVISIONERS.includes(plugin[2]!))) {
      const indent = (block ?? plugin)![1]!;
      const close = `${indent}}`;
      while (i < lines.length && lines[i] !== close) i++;
      continue;
    }
    const attribute = /^\s*([a-z_]+)\s*=/.exec(line);
    if (attribute && REJECTED_ATTRIBUTES.includes(attribute[1]!)) continue;
    out.push(line);
  }
  return out.join('\n');
}

export function stagePackerDir(packerDir: string): string[] {
  const changed: string[] = [];
  for (const name of readdirSync(packerDir).filter((n) => n.endsWith('.pkr.hcl'))) {
    const path = join(packerDir, name);
    const before = readFileSync(path, 'utf8');
    const after = stripForPacker166(before);
    if (after !== before) {
      writeFileSync(path, after);
      changed.push(name);
    }
  }
  return changed;
}
