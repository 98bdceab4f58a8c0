// Size of what `npx ami-wizard` downloads and installs: the packed tarball, its unpacked size, and
// the packages an install of it brings (installed offline into an empty project).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ami-wizard-bench-pack-'));
try {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  const tarball = join(work, packed.filename);
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true}\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, stdio: 'ignore' });
  const packages = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  const size = statSync(tarball).size;
  console.log(
    `tarball (npm pack)                     ${kb(size).padStart(9)}  target < 1024 KB: ${size < 1024 * 1024 ? 'met' : 'MISSED'}`,
  );
  console.log(`unpacked (${packed.entryCount} files)                  ${kb(packed.unpackedSize).padStart(9)}`);
  console.log(
    `packages installed by the tarball      ${String(packages.length).padStart(9)}  target 1: ${packages.length === 1 ? 'met' : 'MISSED'}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
