// Installs Debian packages a script or test needs when they are missing (as root, with apt-get), like the
// ensureInstalled() of scripts/producers/*.mjs. Never throws: says what is missing and why it could not be had,
// so that a test can skip with that reason where installing is impossible (not root, no apt, no network).
//
//   import { ensureDebianPackages } from '../../scripts/ensure-debian.mjs';
//   const { ok, reason } = ensureDebianPackages(['libreoffice-calc-nogui']);

import { spawnSync } from 'node:child_process';

const installed = (pkg) => /install ok installed/.test(spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout ?? '');

let updated = false;

/** @returns {{ ok: boolean, reason?: string }} */
export function ensureDebianPackages(packages, { log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) return { ok: false, reason: 'not a Debian system (no dpkg-query)' };
  const missing = packages.filter((p) => !installed(p));
  if (!missing.length) return { ok: true };
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return { ok: false, reason: `missing Debian packages ${missing.join(' ')} and not root (run: apt-get install -y --no-install-recommends ${missing.join(' ')})` };
  log(`installing with apt-get: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run (a fixture script, another test file) may hold the lock for a while: wait for it.
  // A lock apt does not wait for (the package lists' during an update) is retried a few times.
  const apt = (args) => {
    let r;
    for (let attempt = 0; attempt < 4; attempt++) {
      r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (r.status === 0 || !/lock/i.test(r.stderr ?? '')) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 15_000);
    }
    return r;
  };
  if (!updated) {
    apt(['update']);
    updated = true;
  }
  const r = apt(['install', '-y', '--no-install-recommends', ...missing]);
  if (r.status !== 0) return { ok: false, reason: `apt-get install ${missing.join(' ')} failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-2).join(' ')}` };
  const still = missing.filter((p) => !installed(p));
  return still.length ? { ok: false, reason: `still missing after apt-get: ${still.join(' ')}` } : { ok: true };
}
