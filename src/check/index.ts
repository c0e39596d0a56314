/** `fdr check`: quality rules on extracted roadmaps, their reporters, and the published JSON Schemas. */
export { atLeast, describeLocation, exitCodeFor, summarize } from './findings.js';
export type { CheckSummary, FileReport, Finding, FindingLocation, Severity } from './findings.js';
export { checkDocument, checkFile, documentFromJson } from './input.js';
export { mentionsMoney, ruleApplies, RULES, runRules } from './rules.js';
export type { Rule } from './rules.js';
export { renderReport, REPORTERS } from './reporters.js';
export type { ReporterName, ReportOptions } from './reporters.js';
export { isSchemaKind, jsonSchemaFor, SCHEMA_KINDS, schemaFileText } from './schemas.js';
export type { SchemaKind } from './schemas.js';
