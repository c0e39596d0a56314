import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLineIndex, lineOfPath } from '../../src/check/json-lines.js';

describe('jsonLineIndex', () => {
  const text = [
    '{', // 1
    '  "kind": "roadmap",', // 2
    '  "axes": [', // 3
    '    {', // 4
    '      "number": 1,', // 5
    '      "title": "a \\"quoted\\" [title], {with} brackets",', // 6
    '      "chantiers": [', // 7
    '        { "title": "", "actions": [] },', // 8
    '        {', // 9
    '          "title": "x",', // 10
    '          "actions": [ { "action": "y" } ]', // 11
    '        }', // 12
    '      ]', // 13
    '    }', // 14
    '  ],', // 15
    '  "weird.key": null', // 16
    '}', // 17
  ].join('\n');
  const index = jsonLineIndex(text);

  it('locates properties at their key and array elements at their first character', () => {
    expect(index.get('')).toBe(1);
    expect(index.get('kind')).toBe(2);
    expect(index.get('axes')).toBe(3);
    expect(index.get('axes[0]')).toBe(4);
    expect(index.get('axes[0].title')).toBe(6);
    expect(index.get('axes[0].chantiers')).toBe(7);
    expect(index.get('axes[0].chantiers[0]')).toBe(8);
    expect(index.get('axes[0].chantiers[0].actions')).toBe(8);
    expect(index.get('axes[0].chantiers[1]')).toBe(9);
    expect(index.get('axes[0].chantiers[1].actions[0].action')).toBe(11);
    expect(index.get('weird.key')).toBe(16);
  });

  it('falls back to the nearest located ancestor', () => {
    expect(lineOfPath(index, 'axes[0].chantiers[1].actions[0].financement')).toBe(11);
    expect(lineOfPath(index, 'axes[0].chantiers[5]')).toBe(7);
    expect(lineOfPath(index, 'nothing')).toBe(1);
  });

  it('locates every array element of any pretty-printed JSON on the line JSON.stringify puts it', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), (values) => {
        const pretty = JSON.stringify({ values }, null, 2);
        const lines = pretty.split('\n');
        const idx = jsonLineIndex(pretty);
        values.forEach((v, i) => {
          const line = idx.get(`values[${i}]`)!;
          const first = JSON.stringify(v, null, 2).split('\n')[0]!;
          expect(lines[line - 1]!.trim().startsWith(first.trim())).toBe(true);
        });
      }),
    );
  });
});
