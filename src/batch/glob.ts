import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A small glob matcher for inputs the shell did not expand (a quoted 'roadmaps/**\/*.pdf', or Windows shells):
 * `*` any run of characters inside one path segment, `?` one character, `[abc]` / `[a-z]` / `[!a]` a class,
 * `{a,b}` alternatives, `**` as a whole segment any number of folders (zero included). Like a POSIX shell,
 * `*`, `?` and `**` do not match names starting with a dot unless the pattern segment does.
 */

const MAGIC = /[*?[{]/;

export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^$()|\\/\]{}*?[]/g, '\\$&');
}

/** The regular expression matching one path segment against one pattern segment (no `/` inside). */
export function segmentRegExp(segment: string): RegExp {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) {
      out += escapeRegExp(segment[++i]!);
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (c === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
  }
  // An unclosed brace is taken literally rather than as a broken group.
  if (braceDepth > 0) return new RegExp(`^${escapeRegExp(segment)}$`, 'u');
  const hidden = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${hidden}${out}$`, 'u');
}

/** Splits a pattern into the folder to start walking from (no magic in it) and the segments left to match. */
export function splitPattern(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.split('/');
  const absolute = pattern.startsWith('/');
  const baseParts: string[] = [];
  let i = absolute ? 1 : 0;
  for (; i < parts.length - 1; i++) {
    if (hasGlobMagic(parts[i]!)) break;
    baseParts.push(parts[i]!);
  }
  const base = (absolute ? '/' : '') + baseParts.filter((p) => p !== '').join('/');
  return { base: base === '' ? '.' : base, segments: parts.slice(i).filter((p) => p !== '' && p !== '.') };
}

export interface GlobMatch {
  path: string;
  isDirectory: boolean;
}

/**
 * Paths (files and folders) matching a glob pattern, sorted. Symbolic links are followed for files but not
 * walked into by `**`, so a link loop cannot make it run forever.
 */
export async function expandGlob(pattern: string): Promise<GlobMatch[]> {
  const { base, segments } = splitPattern(pattern);
  const matchers = segments.map((s) => (s === '**' ? ('**' as const) : segmentRegExp(s)));
  const found = new Map<string, boolean>();
  const join2 = (dir: string, name: string) => (dir === '.' && !pattern.startsWith('./') ? name : join(dir, name));

  const listing = new Map<string, Awaited<ReturnType<typeof list>>>();
  async function list(dir: string) {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isLink: e.isSymbolicLink() }));
    } catch {
      return [];
    }
  }
  async function cachedList(dir: string) {
    let l = listing.get(dir);
    if (!l) listing.set(dir, (l = await list(dir)));
    return l;
  }

  async function walk(dir: string, k: number, dirIsDirectory: boolean): Promise<void> {
    if (k === matchers.length) {
      found.set(dir, dirIsDirectory);
      return;
    }
    const m = matchers[k]!;
    if (m === '**') {
      // Zero folders, then every visible sub-folder (not through links: no cycles).
      await walk(dir, k + 1, dirIsDirectory);
      for (const e of await cachedList(dir))
        if (e.isDirectory && !e.isLink && !e.name.startsWith('.')) await walk(join2(dir, e.name), k, true);
      return;
    }
    for (const e of await cachedList(dir)) {
      if (!m.test(e.name)) continue;
      const path = join2(dir, e.name);
      let isDir = e.isDirectory;
      if (e.isLink) {
        isDir = await stat(path).then((s) => s.isDirectory(), () => false);
      }
      if (k + 1 < matchers.length && !isDir) continue;
      await walk(path, k + 1, isDir);
    }
  }
  await walk(base, 0, true);
  return [...found].map(([path, isDirectory]) => ({ path, isDirectory })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
