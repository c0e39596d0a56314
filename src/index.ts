/**
 * `feuille-de-route` as a library: the same pipeline as the CLI.
 *
 *   import { extractFile, diffRoadmaps, compareRoadmaps } from 'feuille-de-route';
 *   const doc = await extractFile('feuille-de-route.pdf');   // validated Roadmap | Restitution | Events
 */
export { extractFile, validateDocument, type ExtractOptions } from './extract.js';
export * from './model/index.js';
export { FdrError, ERROR_CATALOG, type ErrorCode } from './errors/index.js';
export { parseRoadmapText, assembleRoadmap } from './documents/roadmap/index.js';
export { parseFundings, fundingTotal, FUNDING_SOURCES } from './documents/roadmap/funding.js';
export { parseIndicators } from './documents/roadmap/indicators.js';
export { detectKind, scoreKinds } from './documents/detect.js';
export { serialize, toCsv, type OutputFormat } from './export/index.js';
export { diffRoadmaps, loadRoadmap, renderDiff } from './diff/index.js';
export { compareRoadmaps, renderCompare } from './compare/index.js';
export { checkDocument, checkFile, RULES, renderReport, jsonSchemaFor } from './check/index.js';
export { PRS_NORMANDIE_AXES, NORMANDIE_TERRITORIES } from './reference/prs-normandie.js';
export { extractTables, parsePageSpec, type TablesOptions } from './tables.js';
export type { TablesDocument, TableJson, TableCellJson, StitchedJson } from './export/tables.js';
export { findPageTables, findDocumentTables, DocumentTableReader, pageContext } from './layout/tables/index.js';
export type { PageTable, DocumentTable, TableCell, TableQuality, Flavor, TableFinder } from './layout/tables/types.js';
