// Debian's chromium driven by playwright-core, for the HTML report's browser test and its screenshots
// (scripts/report-screenshots.mjs). Chromium and a font are installed with apt-get when missing (as root);
// every launch gets a fresh profile folder and the flags that keep the browser off the network.
//
// API: ensureChromium() -> null when ready, else the reason it cannot be had here;
//      openBrowser() -> { context, close() }   (a persistent context on a fresh --user-data-dir)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function hasFont() {
  const r = spawnSync('fc-list', [], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/** Installs chromium (and a font) with apt-get when missing; returns null when ready, else why not. */
export function ensureChromium() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasFont()) missing.push('fontconfig', 'fonts-dejavu-core');
  if (missing.length) {
    if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return `${missing.join(', ')} missing and no apt-get here`;
    if (typeof process.getuid === 'function' && process.getuid() !== 0) return `${missing.join(', ')} missing; run: apt-get install -y ${missing.join(' ')} (as root)`;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
    const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'ignore', env });
    if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM)) return `apt-get could not install ${missing.join(' ')}`;
  }
  try {
    createRequire(join(ROOT, 'package.json'))('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm ci installs it: devDependency)';
  }
  return null;
}

/** A browser on a fresh profile; close() also removes the profile folder. */
export async function openBrowser() {
  const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'fdr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
