// ReportLab renderer of document blocks (./reportlab_doc.py, Debian python3-reportlab run with /usr/bin/python3):
// one column, serif body unless the job's style says otherwise. Deterministic (reportlab invariant=1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureReportLab, PYTHON, spawnP } from './install.mjs';

const RENDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reportlab_doc.py');

export const ensureInstalled = ensureReportLab;

export async function renderBlocks(blocks, outPdf, opts = {}) {
  await ensureReportLab();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-doc-rl-'));
  try {
    const job = path.join(tmp, 'job.json');
    fs.writeFileSync(job, JSON.stringify({ blocks, style: opts.style ?? {} }));
    fs.mkdirSync(path.dirname(path.resolve(outPdf)), { recursive: true });
    await spawnP(PYTHON, [RENDER, job, path.resolve(outPdf)]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
