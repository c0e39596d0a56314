/** A word-level diff (longest common subsequence) for showing how an action was reworded. */
import type { WordDiffPart } from '../model/index.js';
import { typographyKey } from './text.js';

/** Above this many cells the LCS table is not built: the differing middle is shown as one delete + insert. */
const MAX_TABLE_CELLS = 4_000_000;

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function push(parts: WordDiffPart[], op: WordDiffPart['op'], word: string): void {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += ` ${word}`;
  else parts.push({ op, text: word });
}

/**
 * Diffs two texts word by word. Words are compared by their typography key, so a quote or dash variant
 * is not a difference; equal runs show the new spelling. Deletions come before insertions at a change.
 */
export function wordDiff(before: string, after: string): WordDiffPart[] {
  const a = words(before);
  const b = words(after);
  const ka = a.map(typographyKey);
  const kb = b.map(typographyKey);

  // Common head and tail are cheap to strip and keep the table small.
  let head = 0;
  while (head < a.length && head < b.length && ka[head] === kb[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && ka[a.length - 1 - tail] === kb[b.length - 1 - tail]) tail++;

  const parts: WordDiffPart[] = [];
  for (let i = 0; i < head; i++) push(parts, 'equal', b[i]!);

  const x = ka.slice(head, a.length - tail);
  const y = kb.slice(head, b.length - tail);
  const xs = a.slice(head, a.length - tail);
  const ys = b.slice(head, b.length - tail);
  if ((x.length + 1) * (y.length + 1) > MAX_TABLE_CELLS) {
    for (const w of xs) push(parts, 'delete', w);
    for (const w of ys) push(parts, 'insert', w);
  } else {
    // lcs[i][j] = LCS length of x[i..] and y[j..], so the walk below goes forward.
    const width = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    const pendingInserts: string[] = [];
    const flushInserts = () => {
      for (const w of pendingInserts) push(parts, 'insert', w);
      pendingInserts.length = 0;
    };
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        flushInserts();
        push(parts, 'equal', ys[j]!);
        i++;
        j++;
      } else if (j < y.length && (i === x.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
        pendingInserts.push(ys[j]!);
        j++;
      } else {
        push(parts, 'delete', xs[i]!);
        i++;
      }
    }
    flushInserts();
  }
  for (let k = b.length - tail; k < b.length; k++) push(parts, 'equal', b[k]!);
  return parts;
}
