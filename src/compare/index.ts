export { compareRoadmaps, type CompareInput } from './compare.js';
export { renderCompare, renderCompareCsv, renderCompareMarkdown, renderCompareText, COMPARE_FORMATS, type CompareFormat } from './render.js';
