/** The workbook of `fdr tables -f xlsx`: an index of the tables, then one sheet per table (stitched over pages). Pure. */
import { type TablesDocument, logicalTables } from '../tables.js';
import { type CellValue, type ColumnSpec, type SheetSpec, type WorkbookSpec, validSheetName } from './sheet.js';

/** Column headers from a table's header rows (their texts joined per column), or "Colonne N". */
function tableColumns(rows: readonly (readonly string[])[], headerRows: number, width: number): ColumnSpec[] {
  return Array.from({ length: width }, (_, c) => {
    const label = rows
      .slice(0, headerRows)
      .map((r) => (r[c] ?? '').trim())
      .filter(Boolean)
      .join(' ');
    return { header: label || `Colonne ${c + 1}`, type: 'text' };
  });
}

/**
 * Every table of every input, as printed (cells stay text: a table of any PDF may write numbers any way).
 * Sheet "Tableaux" lists them with the sheet each one is on.
 */
export function tablesWorkbook(docs: readonly { name: string; doc: TablesDocument }[]): WorkbookSpec {
  const taken = new Set<string>(['Tableaux']);
  const index: CellValue[][] = [];
  const sheets: SheetSpec[] = [];
  for (const { name, doc } of docs)
    for (const t of logicalTables(doc)) {
      const stem = docs.length > 1 ? `${name.replace(/\.pdf$/i, '')} ` : '';
      const sheetName = validSheetName(`${stem}tableau ${t.id}`, taken);
      taken.add(sheetName);
      const width = Math.max(1, ...t.rows.map((r) => r.length));
      sheets.push({ name: sheetName, columns: tableColumns(t.rows, t.headerRows, width), rows: t.rows.slice(t.headerRows).map((r) => [...r]) });
      index.push([name, t.id, t.pages.join(', '), t.rows.length - t.headerRows, width, t.headerRows, t.flavor, t.confidence, sheetName]);
    }
  const indexSheet: SheetSpec = {
    name: 'Tableaux',
    columns: [
      { header: 'Fichier', type: 'text' },
      { header: 'Tableau', type: 'integer' },
      { header: 'Pages', type: 'text' },
      { header: 'Lignes', type: 'integer' },
      { header: 'Colonnes', type: 'integer' },
      { header: "Lignes d'en-tête", type: 'integer' },
      { header: 'Méthode', type: 'text' },
      { header: 'Confiance', type: 'ratio' },
      { header: 'Feuille', type: 'text' },
    ],
    rows: index,
  };
  const title = docs.length === 1 ? docs[0]!.name : `${docs.length} documents`;
  return { title: `fdr tables — ${title}`, subject: 'Tableaux extraits (fdr tables)', sheets: [indexSheet, ...sheets] };
}
