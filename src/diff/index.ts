export { diffRoadmaps, type DiffInput } from './diff.js';
export { loadRoadmap, roadmapFromJson, type LoadedRoadmap } from './load-roadmap.js';
export { flatten, matchChantiers, matchRows, type RowMatch } from './match.js';
export { renderDiff, renderDiffCsv, renderDiffMarkdown, renderDiffText, DIFF_FORMATS, type DiffFormat } from './render.js';
export { sameText, textSimilarity, typographyKey } from './text.js';
export { wordDiff } from './word-diff.js';
