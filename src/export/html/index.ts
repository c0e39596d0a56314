/**
 * HTML reports (`-f html`): one self-contained page per extracted document, comparison or diff. Loaded only
 * when a report is asked for.
 */
export { extractReport, type ExtractReportOptions, type PageImage } from './extract.js';
export { compareReport } from './compare.js';
export { diffReport } from './diff.js';
