// `-f xlsx` through the built CLI (npm test builds it first): extract, compare of the seven CTS, diff; the
// workbooks read back with exceljs, and converted to CSV by LibreOffice headless (installed when absent).
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages } from '../../scripts/ensure-debian.mjs';
import { sevenTerritoryFiles } from '../../scripts/make-territories.mjs';
import { RoadmapDiff, TerritoryComparison } from '../../src/model/index.js';
import { FIXTURES, ROOT, fdr, tempDir } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin/fdr.js');
const gold = (name: string) => join(FIXTURES, 'gold', `${name}-2024.gold.json`);
const edition = (name: string) => join(FIXTURES, 'editions', `${name}-2025.gold.json`);

/** The CLI with bytes in and out (a workbook on stdout, a PDF on stdin). */
function fdrBytes(args: string[], input?: Uint8Array): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

async function workbook(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof source === 'string' ? readFileSync(source) : source) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet as objects keyed by its header row. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return out;
}

const seven = sevenTerritoryFiles() as string[];

describe('fdr extract -f xlsx', () => {
  it('writes one workbook for a roadmap PDF: actions with their funding as numbers, chantiers and axes that add up', async () => {
    const out = join(tempDir(), 'le-havre.xlsx');
    const r = fdr(['extract', join(FIXTURES, 'le-havre-2024.territorial.pdf'), '-f', 'xlsx', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const wb = await workbook(out);
    expect(wb.title).toBe('fdr extract — Feuille de route territoriale du Havre');
    expect(wb.creator).toBe('fdr');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Actions', 'Chantiers', 'Axes', 'Documents', 'Avertissements']);
    const actions = wb.getWorksheet('Actions')!;
    const rows = records(actions);
    expect(rows).toHaveLength(47);
    expect(actions.autoFilter).toBe('A1:O48');
    expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const funded = rows.filter((x) => x['Financement total (€)'] !== null);
    expect(funded.every((x) => typeof x['Financement total (€)'] === 'number')).toBe(true);
    expect(funded.reduce((s, x) => s + (x['Financement total (€)'] as number), 0)).toBe(79_837_704);
    expect(rows.length - funded.length).toBe(25);
    expect(rows.every((x) => typeof x.Page === 'number' && x.Territoire === 'Le Havre')).toBe(true);
    expect(actions.getCell('J2').numFmt).toBe('#,##0 "€"');
    const axes = records(wb.getWorksheet('Axes')!);
    expect(axes.reduce((s, x) => s + (x.Actions as number), 0)).toBe(47);
    expect(axes.reduce((s, x) => s + (x.Chantiers as number), 0)).toBe(27);
    expect(records(wb.getWorksheet('Documents')!)[0]).toMatchObject({ Type: 'feuille de route', Territoire: 'Le Havre', Pages: 42, Format: 'pdf' });
  });

  it('puts several inputs of every kind, standard input among them, into one workbook with a Source column', async () => {
    const out = join(tempDir(), 'all.xlsx');
    const inputs = [join(FIXTURES, 'le-havre-2024.territorial.pdf'), join(FIXTURES, 'normandie-restitution-2022.txt'), join(FIXTURES, 'hauts-de-france-cnr-2022.txt'), '-'];
    const r = fdrBytes(['extract', ...inputs, '-f', 'xlsx', '-o', out, '--quiet'], readFileSync(join(FIXTURES, 'calvados-2024.txt')));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Actions', 'Chantiers', 'Axes', 'Propositions', 'Ateliers', 'Documents', 'Avertissements']);
    const bySource = new Map<string, number>();
    for (const x of records(wb.getWorksheet('Actions')!)) bySource.set(String(x.Source), (bySource.get(String(x.Source)) ?? 0) + 1);
    expect(Object.fromEntries(bySource)).toEqual({ [inputs[0]!]: 47, stdin: 44 });
    expect(records(wb.getWorksheet('Documents')!).map((x) => [x.Source, x.Type])).toEqual([
      [inputs[0], 'feuille de route'],
      [inputs[1], 'restitution'],
      [inputs[2], 'ateliers'],
      ['stdin', 'feuille de route'],
    ]);
    const workshops = records(wb.getWorksheet('Ateliers')!);
    expect(workshops.length).toBeGreaterThan(0);
    expect(workshops.filter((x) => x.Date !== null).every((x) => x.Date instanceof Date)).toBe(true);
    expect(records(wb.getWorksheet('Propositions')!).length).toBeGreaterThan(10);
  });

  it('writes the workbook to stdout when it is redirected, and refuses a terminal with one line and exit 2', async () => {
    const r = fdrBytes(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 2).toString()).toBe('PK');
    expect(records((await workbook(r.stdout)).getWorksheet('Actions')!)).toHaveLength(44);

    // A terminal on stdout: `script` gives the command a pseudo-terminal.
    const hasScript = spawnSync('script', ['--version']).status === 0;
    if (!hasScript) return console.warn('skipped the terminal case: no `script` command (util-linux)');
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${BIN} extract fixtures/calvados-2024.txt -f xlsx`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect(tty.status).toBe(2);
    expect(tty.stdout.trim()).toBe('fdr: -f xlsx writes a binary file, not to a terminal — add -o out.xlsx, or redirect: > out.xlsx [USAGE]');
  });

  it('checks -o before extracting: a folder with several inputs, an existing file without --force', () => {
    const dir = tempDir();
    const folder = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), join(FIXTURES, 'le-havre-2024.txt'), '-f', 'xlsx', '-o', `${dir}/`]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/one workbook for all inputs: -o must name a file .*\[USAGE\]\n$/);
    const existing = join(dir, 'x.xlsx');
    writeFileSync(existing, 'keep me');
    const exists = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'xlsx', '-o', existing]);
    expect(exists.status).toBe(10);
    expect(exists.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    // One input and a folder: the workbook is named after the input.
    expect(fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'xlsx', '-o', `${dir}/`]).status).toBe(0);
    expect(existsSync(join(dir, 'calvados-2024.xlsx'))).toBe(true);
    expect(fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'xlsx', '--summary']).status).toBe(2);
  });
});

describe('fdr compare -f xlsx: the seven CTS of Normandie', () => {
  it('has one sheet per view, with the figures of the JSON comparison', async () => {
    const json = fdr(['compare', ...seven, '-f', 'json']);
    expect(json.status).toBe(0);
    const c = TerritoryComparison.parse(JSON.parse(json.stdout));
    const names = c.territories.map((t) => t.name);
    expect([...names].sort()).toEqual(['Calvados', 'Dieppe', 'Évreux-Vernon', 'Le Havre', 'Manche', 'Orne', 'Rouen-Elbeuf'].sort());

    const out = join(tempDir(), 'seven.xlsx');
    const r = fdr(['compare', ...seven, '-f', 'xlsx', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Financement par axe',
      'Actions par axe',
      'Chantiers par axe',
      'Sans montant par axe',
      'Axes × territoires',
      'Chantiers',
      'Territoires',
    ]);
    const funding = wb.getWorksheet('Financement par axe')!;
    expect((funding.getRow(1).values as unknown[]).slice(1)).toEqual(['Axe n°', 'Axe', ...names, 'Ensemble']);
    expect(funding.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    // The filter covers the axes, not the total row under them.
    expect(funding.autoFilter).toBe(`A1:J${c.axes.length + 1}`);
    const rows = records(funding);
    expect(rows).toHaveLength(c.axes.length + 1);
    c.axes.forEach((axis, i) => {
      expect(rows[i]!['Axe n°']).toBe(axis.number);
      // No action on the axis: an empty cell, not 0 €.
      axis.figures.forEach((f) => expect(rows[i]![f.territory]).toBe(f.actions === 0 ? null : f.fundingTotalEur));
    });
    // Some synthetic territory leaves an axis uncovered (fixtures/territories): that cell is empty.
    const uncovered = c.axes.flatMap((axis, i) => axis.figures.filter((f) => f.actions === 0).map((f) => rows[i]![f.territory]));
    expect(uncovered.length).toBeGreaterThan(0);
    for (const cell of uncovered) expect(cell).toBeNull();
    const total = rows[rows.length - 1]!;
    expect(total.Axe).toBe('Total');
    c.totals.forEach((f) => expect(total[f.territory]).toBe(f.fundingTotalEur));
    expect(funding.getCell('C2').numFmt).toBe('#,##0 "€"');
    const actions = records(wb.getWorksheet('Actions par axe')!);
    expect(actions[actions.length - 1]!.Ensemble).toBe(c.totals.reduce((s, f) => s + f.actions, 0));
    // Presence matrix: a territory without the chantier has an empty cell, one with it its number of actions.
    const presence = records(wb.getWorksheet('Chantiers')!);
    expect(presence).toHaveLength(c.axes.reduce((n, a) => n + a.chantiers.length, 0));
    const first = c.axes[0]!.chantiers[0]!;
    first.territories.forEach((t) => expect(presence[0]![t.territory]).toBe(t.title === null ? null : t.actions));
    expect(records(wb.getWorksheet('Axes × territoires')!)).toHaveLength((c.axes.length + 1) * 7);
  });
});

describe('fdr diff -f xlsx', () => {
  it('writes one row per change with its kind, before, after and funding delta (exit 1: the editions differ)', async () => {
    const d = RoadmapDiff.parse(JSON.parse(fdr(['diff', gold('calvados'), edition('calvados'), '-f', 'json']).stdout));
    const out = join(tempDir(), 'diff.xlsx');
    const r = fdr(['diff', gold('calvados'), edition('calvados'), '-f', 'xlsx', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Changements', 'Éditions', 'Résumé']);
    const rows = records(wb.getWorksheet('Changements')!);
    expect(rows).toHaveLength(d.document.length + d.axes.length + d.chantiers.length + d.actions.length);
    const actionRows = rows.filter((x) => x.Niveau === 'action');
    expect(actionRows.map((x) => x.Changement)).toEqual(
      d.actions.map((a) =>
        a.type === 'changed' ? [a.fields.length ? 'modification' : '', a.moved ? 'déplacement' : ''].filter(Boolean).join(' + ') || 'financement' : { added: 'ajout', removed: 'suppression', split: 'scission', merged: 'fusion' }[a.type],
      ),
    );
    const refunded = d.actions.filter((a) => a.funding && a.funding.delta !== null);
    expect(refunded.length).toBeGreaterThan(0);
    for (const a of refunded) {
      const row = actionRows[d.actions.indexOf(a)]!;
      expect(row['Écart (€)']).toBe(a.funding!.delta);
      expect(row.Avant).toBe(a.old.map((x) => x.action).join('\n'));
      expect(row.Après).toBe(a.new.map((x) => x.action).join('\n'));
    }
    const changes = wb.getWorksheet('Changements')!;
    expect(changes.getCell('M1').value).toBe('Écart (€)');
    expect(changes.getCell('M2').numFmt).toBe('+#,##0 "€";-#,##0 "€";0 "€"');
    // A reworded action: its word-level diff as rich text, removed words struck through, added ones underlined.
    const reworded = d.actions.findIndex((a) => a.textDiff?.some((p) => p.op === 'delete') && a.textDiff.some((p) => p.op === 'insert'));
    expect(reworded).toBeGreaterThanOrEqual(0);
    const cell = changes.getRow(2 + d.document.length + d.axes.length + d.chantiers.length + reworded).getCell(10);
    expect(changes.getCell('J1').value).toBe('Différence (mots)');
    const runs = (cell.value as ExcelJS.CellRichTextValue).richText;
    const parts = d.actions[reworded]!.textDiff!;
    expect(runs.map((r) => r.text.trim())).toEqual(parts.map((p) => p.text));
    runs.forEach((r, i) => {
      expect(Boolean(r.font?.strike)).toBe(parts[i]!.op === 'delete');
      expect(Boolean(r.font?.underline)).toBe(parts[i]!.op === 'insert');
    });
    expect(records(wb.getWorksheet('Résumé')!).find((x) => x.Mesure === 'actions ajoutées')!.Nombre).toBe(d.summary.added);
    expect(records(wb.getWorksheet('Éditions')!).map((x) => x['Financement total (€)'])).toEqual([d.old.fundingTotalEur, d.new.fundingTotalEur]);
  });
});

describe('fdr tables -f xlsx', () => {
  it('lists the tables on a first sheet, then gives each table (stitched over pages) a sheet of its own', async () => {
    const pdf = join(FIXTURES, 'calvados-2024.departmental.pdf');
    const json = JSON.parse(fdr(['tables', pdf]).stdout) as {
      tables: { id: number; continues?: number; headerRows: number; rows: string[][] }[];
      stitched: { tables: number[]; headerRows: number; rows: string[][] }[];
    };
    const logical = json.tables
      .filter((t) => t.continues === undefined)
      .map((t) => json.stitched.find((s) => s.tables[0] === t.id) ?? t);
    const out = join(tempDir(), 'tables.xlsx');
    const r = fdr(['tables', pdf, '-f', 'xlsx', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wb = await workbook(out);
    const index = records(wb.getWorksheet('Tableaux')!);
    expect(index).toHaveLength(logical.length);
    expect(wb.worksheets).toHaveLength(1 + logical.length);
    logical.forEach((t, i) => {
      const sheet = wb.getWorksheet(String(index[i]!.Feuille))!;
      expect(index[i]!.Lignes).toBe(t.rows.length - t.headerRows);
      const body: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) body.push(t.rows[0]!.map((_, c) => String(row.getCell(c + 1).value ?? '')));
      });
      expect(body).toEqual(t.rows.slice(t.headerRows));
    });
    const several = fdr(['tables', pdf, join(FIXTURES, 'le-havre-2024.departmental.pdf'), '-f', 'xlsx', '-o', `${tempDir()}/`]);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('[USAGE]');
  });
});

describe('LibreOffice reads the workbooks (headless conversion to CSV)', () => {
  let libreoffice: { ok: boolean; reason?: string } = { ok: false };
  beforeAll(() => {
    libreoffice = ensureDebianPackages(['libreoffice-calc-nogui']);
  }, 900_000);

  /** Every sheet of a workbook as CSV (LibreOffice ≥ 7.2: sheet -1), UTF-8, raw values: name → rows. */
  function toCsv(xlsx: string): Map<string, string[][]> {
    const outDir = tempDir('fdr-lo-csv-');
    const profile = tempDir('fdr-lo-profile-');
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', outDir, xlsx],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const stem = xlsx.replace(/^.*\//, '').replace(/\.xlsx$/, '');
    const sheets = new Map<string, string[][]>();
    for (const f of readdirSync(outDir)) {
      // A plain CSV parser is enough for these files: quoted fields, doubled quotes, line breaks inside quotes.
      const text = readFileSync(join(outDir, f), 'utf8');
      const rows: string[][] = [[]];
      let field = '';
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (quoted) {
          if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
          else if (ch === '"') quoted = false;
          else field += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') rows[rows.length - 1]!.push(field), (field = '');
        else if (ch === '\n') rows[rows.length - 1]!.push(field), (field = ''), rows.push([]);
        else if (ch !== '\r') field += ch;
      }
      if (field || rows[rows.length - 1]!.length) rows[rows.length - 1]!.push(field);
      else rows.pop();
      sheets.set(f.slice(stem.length + 1).replace(/\.csv$/, ''), rows);
    }
    return sheets;
  }

  it('converts the seven-territory comparison without complaint, with the funding as plain numbers', (ctx) => {
    if (!libreoffice.ok) {
      console.warn(`skipped: LibreOffice Calc cannot be installed here (${libreoffice.reason})`);
      return ctx.skip();
    }
    const c = TerritoryComparison.parse(JSON.parse(fdr(['compare', ...seven, '-f', 'json']).stdout));
    const out = join(tempDir(), 'seven.xlsx');
    expect(fdr(['compare', ...seven, '-f', 'xlsx', '-o', out]).status).toBe(0);
    const sheets = toCsv(out);
    expect([...sheets.keys()].sort()).toEqual(['Actions par axe', 'Axes × territoires', 'Chantiers', 'Chantiers par axe', 'Financement par axe', 'Sans montant par axe', 'Territoires']);
    const funding = sheets.get('Financement par axe')!;
    expect(funding[0]).toEqual(['Axe n°', 'Axe', ...c.territories.map((t) => t.name), 'Ensemble']);
    c.axes.forEach((axis, i) => {
      expect(funding[i + 1]![0]).toBe(String(axis.number));
      expect(funding[i + 1]!.slice(2, 9)).toEqual(axis.figures.map((f) => (f.actions === 0 ? '' : String(f.fundingTotalEur))));
    });
    expect(funding[c.axes.length + 1]!.slice(1, 9)).toEqual(['Total', ...c.totals.map((f) => String(f.fundingTotalEur))]);
    expect(sheets.get('Territoires')!.map((r) => r[0])).toEqual(['Territoire', ...c.territories.map((t) => t.name)]);
  });

  it('converts an extract workbook: actions, line breaks kept, amounts as numbers, dates as dates', (ctx) => {
    if (!libreoffice.ok) return ctx.skip();
    const out = join(tempDir(), 'extract.xlsx');
    expect(fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), join(FIXTURES, 'hauts-de-france-cnr-2022.txt'), '-f', 'xlsx', '-o', out, '-q']).status).toBe(0);
    const doc = JSON.parse(fdr(['extract', join(FIXTURES, 'calvados-2024.txt')]).stdout);
    const expected = doc.axes.flatMap((a: { chantiers: { actions: { action: string; fundingTotalEur: number | null }[] }[] }) => a.chantiers.flatMap((c) => c.actions));
    const sheets = toCsv(out);
    const actions = sheets.get('Actions')!;
    expect(actions).toHaveLength(1 + expected.length);
    const col = (name: string) => actions[0]!.indexOf(name);
    expected.forEach((a: { action: string; fundingTotalEur: number | null }, i: number) => {
      expect(actions[i + 1]![col('Action')]).toBe(a.action);
      expect(actions[i + 1]![col('Financement total (€)')]).toBe(a.fundingTotalEur === null ? '' : String(a.fundingTotalEur));
    });
    // Date cells are dates: LibreOffice writes them in its locale's date format, not as the ISO text.
    const events = JSON.parse(fdr(['extract', join(FIXTURES, 'hauts-de-france-cnr-2022.txt')]).stdout).events as { date: string }[];
    const workshops = sheets.get('Ateliers')!;
    const dates = workshops.slice(1).map((r) => r[workshops[0]!.indexOf('Date')]!);
    expect(dates).toHaveLength(events.length);
    expect(events.filter((e) => e.date).length).toBeGreaterThan(0);
    events.forEach((e, i) => {
      if (!e.date) return expect(dates[i]).toBe('');
      const [y, m, d] = e.date.split('-').map(Number);
      expect([`${m}/${d}/${y}`, `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`, `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`]).toContain(dates[i]);
    });
  });
});
