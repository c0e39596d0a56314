import { basename, dirname, extname, resolve, sep } from 'node:path';

/**
 * Output file names for a batch written to `-o DIR`: `x.pdf` → `x.json`. Inputs that would land on the same
 * name (the same base name in different folders, or `x.pdf` beside `x.md`) get just enough of their own path
 * to tell them apart: first their extension (`x.pdf.json`, `x.md.json`), then their parent folders
 * (`2023_x.pdf.json`, `2024_x.pdf.json`). Names depend on the set of inputs only, not on which finishes first,
 * so a rerun writes the same files. Comparison ignores case (macOS and Windows folders do).
 */
export function outputNames(inputs: readonly string[], extension: string): string[] {
  const parts = inputs.map((input) => {
    const abs = resolve(input);
    const ext = extname(abs);
    return { stem: basename(abs, ext), ext: ext.replace(/^\./, ''), folders: dirname(abs).split(sep).filter(Boolean) };
  });
  const maxDepth = Math.max(0, ...parts.map((p) => p.folders.length));

  /** Candidate name of one input at a level of detail: 0 = stem, 1 = stem.ext, 2+ = folders_stem.ext. */
  const nameAt = (i: number, level: number): string => {
    const p = parts[i]!;
    const withExt = level >= 1 && p.ext ? `${p.stem}.${p.ext}` : p.stem;
    const folders = level >= 2 ? p.folders.slice(Math.max(0, p.folders.length - (level - 1))) : [];
    return [...folders, withExt].join('_');
  };

  const levels = inputs.map(() => 0);
  // Raise the level of every input in a clashing group until no group clashes (bounded by the deepest path).
  for (let round = 0; round <= maxDepth + 2; round++) {
    const byName = new Map<string, number[]>();
    inputs.forEach((_, i) => {
      const key = nameAt(i, levels[i]!).toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), i]);
    });
    const clashing = [...byName.values()].filter((g) => g.length > 1);
    if (!clashing.length) break;
    for (const group of clashing) for (const i of group) levels[i] = levels[i]! + 1;
  }

  // Anything still equal (the same file named twice through different links) gets a counter.
  const taken = new Set<string>();
  return inputs.map((_, i) => {
    const name = nameAt(i, levels[i]!);
    let candidate = `${name}.${extension}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}.${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
