/**
 * Line numbers of the values of a JSON text, by JSON path ("axes[2].chantiers[0].actions[3]"), so that a finding
 * on a checked JSON file can point at its line (GitHub annotations, editors). A property is located at its key,
 * an array element at its first character. The text must be valid JSON (callers parse it first).
 */
export function jsonLineIndex(text: string): Map<string, number> {
  const index = new Map<string, number>();
  let i = 0;
  let line = 1;

  const skipSpace = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const readString = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

  const readValue = (path: string, at: number): void => {
    skipSpace();
    if (!index.has(path)) index.set(path, at || line);
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      for (let n = 0; ; n++) {
        skipSpace();
        if (i >= text.length) return;
        if (text[i] === close) {
          i++;
          return;
        }
        if (text[i] === ',') {
          i++;
          skipSpace();
        }
        if (c === '{') {
          const key = readString();
          const keyLine = line;
          skipSpace();
          i++; // ':'
          readValue(child(path, key), keyLine);
        } else {
          skipSpace();
          readValue(`${path}[${n}]`, line);
        }
      }
    }
    if (c === '"') readString();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };

  readValue('', 1);
  return index;
}

/** The line of `path`, or of its nearest located ancestor ("a.b[3].c" → "a.b[3]" → "a.b" → "a"). */
export function lineOfPath(index: Map<string, number>, path: string): number | undefined {
  for (let p = path; p; p = p.replace(/(?:\.[^.[\]]*|\[\d+\])$/, '')) {
    const line = index.get(p);
    if (line !== undefined) return line;
    if (!/(?:\.[^.[\]]*|\[\d+\])$/.test(p)) break;
  }
  return index.get('');
}
