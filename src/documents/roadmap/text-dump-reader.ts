import type { RoadmapReading } from './blocks.js';

/** Placeholder until the text-dump reader lands: reads nothing. */
export function readTextDumpRoadmap(text: string): RoadmapReading {
  return { blocks: [], prose: text.split(/\r?\n/).map((t, i) => ({ text: t, at: { lines: [i + 1, i + 1] } })), axisTitles: new Map(), warnings: [] };
}
