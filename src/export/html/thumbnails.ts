/** The extract report with page thumbnails (`--thumbnails`): renders the pages that carry actions, then the report. */
import type { ExtractedDocument } from '../../model/index.js';
import { type ExtractReportOptions, extractReport } from './extract.js';

export async function extractReportWithThumbnails(doc: ExtractedDocument, input: string, options: { password?: string } = {}): Promise<string> {
  if (doc.kind !== 'roadmap') return extractReport(doc);
  if (doc.source.format !== 'pdf') return extractReport(doc, { thumbnailsUnavailable: 'la source n’est pas un PDF (les actions renvoient à ses lignes)' });
  const pages = [...new Set(doc.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions.map((x) => x.provenance.page))))]
    .filter((p): p is number => p !== undefined)
    .sort((a, b) => a - b);
  const { renderPages } = await import('../../sources/pdf/render.js');
  const rendered = await renderPages(input, pages, options);
  const report: ExtractReportOptions = typeof rendered === 'string' ? { thumbnailsUnavailable: rendered } : { pages: rendered };
  return extractReport(doc, report);
}
