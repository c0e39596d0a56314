export { parseRestitutionText, runningParagraphs } from './parse.js';
export { buildCaseCorpus, restoreHeadingCase, wordKey, type CaseCorpus } from './casing.js';
export { removeLayoutNoise, removeRepeatedBlocks, splitSourceLines, stripMarkdown, type SourceLine } from './source-lines.js';
export { readUnits, type Unit } from './units.js';
export { assembleThemes, readThemeElements, scopeOf, type Scope, type ThemeElement, type ThemeReading } from './themes.js';
export { findIntroducedList, findKeyFigures, findRestitutionDate, findSignatories, findWorkshopPlaces } from './front.js';
