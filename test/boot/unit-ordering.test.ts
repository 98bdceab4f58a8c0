// The bootstrap's systemd unit among cloud-init's own units, as systemd orders them at boot. On
// Debian and Ubuntu, cloud-final.service and cloud-init.target come After=multi-user.target; RHEL and
// Amazon Linux ship the same units without that line (cloud-init's upstream units, as each distribution packages them). The unit must join the boot with no
// ordering cycle on both, start after cloud-final (so user data has run), and be pulled in by the
// targets the boot reaches. `systemd-analyze verify` reports a cycle as "Found ordering cycle".
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATING_SYSTEMS } from '../../questionnaire/answer-values.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { cloudInitUnits, hasTool, run } from '../support/tools.ts';

const units = cloudInitUnits();
const hasAnalyze = hasTool('systemd-analyze', ['--version']);
const work = mkdtempSync(join(tmpdir(), 'ami-wizard-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `[Install] WantedBy=` targets of a unit file. */
const wantedBy = (unit: string) => [...unit.matchAll(/^WantedBy=(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/));

/** A unit folder as the packages and cloud-init's generator leave it on a booted image. */
function stage(name: string, unit: string, family: 'debian' | 'rhel'): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  cpSync(units!, dir, { recursive: true });
  if (family === 'rhel') {
    for (const file of ['cloud-final.service', 'cloud-init.target']) {
      const text = readFileSync(join(dir, file), 'utf8');
      writeFileSync(join(dir, file), text.replace(/^After=multi-user\.target\n/m, ''));
    }
  }
  writeFileSync(join(dir, 'ami-bootstrap.service'), unit);
  const link = (target: string, unitName: string) => {
    mkdirSync(join(dir, `${target}.wants`), { recursive: true });
    symlinkSync(join(dir, unitName), join(dir, `${target}.wants`, unitName));
  };
  link('multi-user.target', 'cloud-init.target'); // what cloud-init-generator does when cloud-init is enabled
  for (const file of readdirSync(units!).filter((f) => f.endsWith('.service'))) {
    for (const target of wantedBy(readFileSync(join(units!, file), 'utf8'))) link(target, file);
  }
  for (const target of wantedBy(unit)) link(target, 'ami-bootstrap.service');
  return dir;
}

describe.skipIf(!units || !hasAnalyze).each(OPERATING_SYSTEMS.filter((os) => os !== 'windows-server-2022'))(
  'the bootstrap unit on %s',
  (os) => {
    let unit = '';
    it('is generated', async () => {
      const a = minimalAnswers();
      a.platform = { os };
      a.strategy = 'hybrid';
      unit = (await generate(answersFrom(a))).find((f) => f.path === 'bootstrap/ami-bootstrap.service')!.contents;
      expect(unit).toMatch(/^ExecStart=/m);
    });

    for (const family of ['debian', 'rhel'] as const) {
      it(`joins the boot with no ordering cycle next to ${family}-style cloud-init units`, () => {
        const dir = stage(`${os}-${family}`, unit, family);
        const result = run('systemd-analyze', ['verify', 'multi-user.target'], {
          env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:`, SYSTEMD_LOG_LEVEL: 'notice' },
        });
        expect(result.output).not.toMatch(/ordering cycle/i);
        expect(result.output).not.toMatch(/ami-bootstrap/);
      });
    }

    it('runs after cloud-final (user data first) and is pulled in by a target the boot reaches', () => {
      expect(unit).toMatch(/^After=.*\bcloud-final\.service\b/m);
      const targets = wantedBy(unit);
      expect(targets.length).toBeGreaterThan(0);
      // multi-user.target itself orders before cloud-final on Debian: wanting the unit there is the cycle.
      for (const target of targets) expect(['cloud-init.target']).toContain(target);
    });
  },
);

describe.skipIf(!units || !hasAnalyze)('the check can fail', () => {
  it('finds the cycle of a unit wanted by multi-user.target and ordered after cloud-final', () => {
    const cyclic =
      '[Unit]\nDescription=x\nAfter=network-online.target cloud-final.service\n[Service]\nType=oneshot\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n';
    const dir = stage('cyclic', cyclic, 'debian');
    const result = run('systemd-analyze', ['verify', 'multi-user.target'], {
      env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
    });
    expect(result.output).toMatch(/ordering cycle/i);
  });
});
