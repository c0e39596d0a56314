#!/usr/bin/env node
// Image-only ("scanned") PDFs made from our text fixture PDFs, for OCR: each page is rasterised by pdftoppm
// (grey), given light noise and a small rotation with Python's PIL, saved as a grey JPEG and wrapped as a PDF
// by img2pdf, so the PDF holds images only and keeps the original page size. Deterministic (seeded noise).
//
//   node scripts/make-scanned-fixtures.mjs            the small fixtures the tests use (committed: fixtures/scanned/)
//   node scripts/make-scanned-fixtures.mjs --full     also whole documents for `npm run score` (fixtures/scanned/full/,
//                                                     not committed: ~25 MB; score-all.mjs makes them when missing)
//
// Needs the Debian packages poppler-utils (pdftoppm, pdfinfo), qpdf, img2pdf and python3-pil, installed
// here with apt-get when missing (as root).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const OUT = path.join(FIXTURES, 'scanned');
const PYTHON = '/usr/bin/python3';

/**
 * One scanned fixture: `from` pages (1-based, inclusive; all when absent) of a fixture PDF; `dpi`; `noise`
 * (standard deviation of the grey noise); `rotate`: degrees counter-clockwise per page (a number for every page,
 * or a list cycled over the pages); `quality`: JPEG quality. `textPages`: keep these pages of the source as
 * text (a mixed PDF: only the other pages are images).
 */
export const SMALL = [
  { name: 'normandie-restitution-2022.200dpi.pdf', source: 'normandie-restitution-2022.pdf', dpi: 200, noise: 3, rotate: 0.6, quality: 40,
    why: 'the whole restitution brochure, 200 dpi, slightly turned: scored against the gold in the tests' },
  { name: 'calvados-2024.departmental.p5-6.200dpi-skewed.pdf', source: 'calvados-2024.departmental.pdf', pages: [5, 6], dpi: 200, noise: 8, rotate: [1.5, -2.2], quality: 40,
    why: 'ruled tables at 200 dpi with noise and a skew of 1.5° and -2.2°: skew correction, rules from the image' },
  { name: 'le-havre-2024.territorial.p5-6.rotated.pdf', source: 'le-havre-2024.territorial.pdf', pages: [5, 6], dpi: 150, noise: 4, rotate: [90, 180], quality: 50,
    why: 'pages scanned a quarter turn and a half turn off: rotation detection' },
  { name: 'calvados-2024.departmental.mixed-p7.pdf', source: 'calvados-2024.departmental.pdf', dpi: 200, noise: 3, rotate: 0.4, quality: 40, imagePages: [7],
    why: 'the text PDF with page 7 replaced by its scan: only that page is OCR\'d' },
];

export const FULL = [
  { name: 'normandie-restitution-2022.300dpi.pdf', source: 'normandie-restitution-2022.pdf', dpi: 300, noise: 4, rotate: 0, quality: 60 },
  { name: 'le-havre-2024.territorial.300dpi.pdf', source: 'le-havre-2024.territorial.pdf', dpi: 300, noise: 4, rotate: 0, quality: 60 },
  { name: 'calvados-2024.departmental.300dpi.pdf', source: 'calvados-2024.departmental.pdf', dpi: 300, noise: 4, rotate: 0, quality: 60 },
  { name: 'le-havre-2024.territorial.200dpi-noisy-skewed.pdf', source: 'le-havre-2024.territorial.pdf', dpi: 200, noise: 10, rotate: [1.2, -0.8, 2.5, -1.7], quality: 55 },
  { name: 'calvados-2024.departmental.200dpi-noisy-skewed.pdf', source: 'calvados-2024.departmental.pdf', dpi: 200, noise: 10, rotate: [-1.5, 0.9, 2.2, -2.8], quality: 55 },
];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const pyHas = (module) => fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;

export function ensureInstalled() {
  const missing = [];
  if (!have('pdftoppm') || !have('pdfinfo')) missing.push('poppler-utils');
  if (!have('qpdf')) missing.push('qpdf');
  if (!have('img2pdf')) missing.push('img2pdf');
  if (!pyHas('PIL')) missing.push('python3-pil');
  if (!missing.length) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    throw new Error(`missing Debian packages: ${missing.join(' ')} (as root: apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')})`);
  console.error(`installing with apt-get: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { stdio: 'inherit', env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

// Noise, rotation and JPEG in one PIL pass per page; the seed makes the noise the same on every run.
const DEGRADE = `
import random, sys
from PIL import Image, ImageChops
src, dst, dpi, noise, angle, quality, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
img = Image.open(src).convert('L')
if angle:
    img = img.rotate(angle, resample=Image.BICUBIC, expand=abs(angle) % 90 == 0, fillcolor=255)
if noise > 0:
    rnd = random.Random(seed)
    # Gaussian grey noise: a seeded tile (odd size, so its repeats do not line up with text), laid over the page.
    tw, th = 509, 487
    tile = Image.frombytes('L', (tw, th), bytes(max(0, min(255, int(128 + rnd.gauss(0, noise)))) for _ in range(tw * th)))
    layer = Image.new('L', img.size, 128)
    for y in range(0, img.size[1], th):
        for x in range(0, img.size[0], tw):
            layer.paste(tile, (x, y))
    img = ImageChops.add(img, layer, 1.0, -128)
img.save(dst, 'JPEG', quality=quality, dpi=(dpi, dpi))
`;

function pagesOf(pdf) {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]).stdout)[1]);
}

function scan(spec, outDir) {
  const source = path.join(FIXTURES, spec.source);
  const total = pagesOf(source);
  const pages = spec.pages ?? Array.from({ length: total }, (_, i) => i + 1);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-scan-'));
  try {
    const parts = [];
    pages.forEach((n, k) => {
      const image = spec.imagePages === undefined || spec.imagePages.includes(n);
      if (!image) {
        parts.push({ text: n });
        return;
      }
      const base = path.join(work, `p${n}`);
      run('pdftoppm', ['-r', String(spec.dpi), '-gray', '-singlefile', '-f', String(n), '-l', String(n), source, base]);
      const angle = Array.isArray(spec.rotate) ? spec.rotate[k % spec.rotate.length] : spec.rotate;
      const jpeg = `${base}.jpg`;
      run(PYTHON, ['-c', DEGRADE, `${base}.pgm`, jpeg, String(spec.dpi), String(spec.noise), String(angle), String(spec.quality), String(1000 + n)]);
      const pdf = `${base}.img.pdf`;
      // The page keeps the size the image has at its resolution (img2pdf reads the JPEG's dpi).
      run('img2pdf', ['--creationdate', '2024-01-01T00:00:00', '--moddate', '2024-01-01T00:00:00', jpeg, '-o', pdf]);
      parts.push({ image: pdf });
    });
    const out = path.join(outDir, spec.name);
    // qpdf assembles the pages sharing the source's fonts (pdfunite would copy them once per page).
    const pageArgs = parts.flatMap((p) => (p.text ? [source, String(p.text)] : [p.image, '1']));
    run('qpdf', ['--empty', '--deterministic-id', '--pages', ...pageArgs, '--', out]);
    return { out, pages: pages.length, bytes: fs.statSync(out).size };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function makeScanned({ full = false, only } = {}) {
  ensureInstalled();
  const made = [];
  const jobs = [...SMALL.map((s) => [s, OUT]), ...(full ? FULL.map((s) => [s, path.join(OUT, 'full')]) : [])];
  for (const [spec, dir] of jobs) {
    if (only?.length && !only.includes(spec.name)) continue;
    fs.mkdirSync(dir, { recursive: true });
    const t = Date.now();
    const r = scan(spec, dir);
    made.push(r);
    console.error(`${path.relative(ROOT, r.out)}: ${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KB (${Date.now() - t} ms)`);
  }
  return made;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  makeScanned({ full: argv.includes('--full'), only: argv.filter((a) => !a.startsWith('--')) });
}
