// "-" as an input: standard input read once, refused when it is a terminal.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FdrError } from '../../src/errors/index.js';
import { parsePageSpec } from '../../src/sources/page-spec.js';
import { readStdin } from '../../src/sources/stdin.js';

describe('readStdin', () => {
  it('refuses a terminal with a usage error', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true }) as unknown as NodeJS.ReadStream;
    await expect(readStdin(tty)).rejects.toMatchObject({ code: 'USAGE', file: 'stdin' });
  });

  it('reads the whole stream once, and gives the same bytes to a second reader', async () => {
    const stream = Readable.from([Buffer.from('%PDF-1.7\n'), Buffer.from('rest')]) as unknown as NodeJS.ReadStream;
    const first = await readStdin(stream);
    expect(Buffer.from(first).toString()).toBe('%PDF-1.7\nrest');
    expect(await readStdin(Readable.from([Buffer.from('other')]) as unknown as NodeJS.ReadStream)).toBe(first);
  });
});

describe('parsePageSpec', () => {
  it('reads numbers, ranges and open ranges', () => {
    const pages = parsePageSpec('1-3, 7,12-');
    expect([1, 2, 3, 4, 6, 7, 8, 11, 12, 500].map(pages)).toEqual([true, true, true, false, false, true, false, false, true, true]);
  });

  it.each(['', '0', '3-1', 'a', '2,,3', '1-2-3', '-4', '1;2'])('refuses %j with a usage error', (spec) => {
    expect(() => parsePageSpec(spec)).toThrow(FdrError);
    try {
      parsePageSpec(spec);
    } catch (e) {
      expect((e as FdrError).code).toBe('USAGE');
    }
  });
});
