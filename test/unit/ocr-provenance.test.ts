import { describe, expect, it } from 'vitest';
import { markOcr, type OcrPageWords } from '../../src/documents/ocr-provenance.js';
import type { Roadmap } from '../../src/model/index.js';

const facts = { confidence: 0.9, words: 10, skew: 0, rotation: 0 as const, dpi: 300 };

function roadmap(): Roadmap {
  const cell = (x0: number, x1: number) => ({ page: 2, bbox: [x0, 100, x1, 140] as [number, number, number, number] });
  return {
    kind: 'roadmap',
    source: { file: 'x.pdf', sha256: '0'.repeat(64), format: 'pdf', pages: 2 },
    axes: [
      {
        number: 1,
        title: 'Axe',
        chantiers: [
          {
            title: 'Chantier',
            provenance: { page: 1, bbox: [0, 0, 10, 10] },
            actions: [
              {
                action: 'Déployer des ateliers',
                financement: 'FIR : 45 000 €',
                indicateur: '',
                commentaire: '',
                fundings: [],
                fundingTotalEur: null,
                indicators: [],
                extra: {},
                confidence: 0.9,
                weakEvidence: [],
                provenance: { page: 2, bbox: [0, 100, 400, 140], cells: { action: cell(0, 200), financement: cell(200, 300), indicateur: cell(300, 400) } },
              },
            ],
          },
        ],
      },
    ],
    warnings: [{ code: 'w', message: 'm', at: { page: 2 } }],
  } as unknown as Roadmap;
}

describe('marking what OCR read', () => {
  const pages = new Map<number, OcrPageWords>([
    [
      2,
      {
        facts,
        items: [
          { x0: 10, y0: 105, x1: 190, y1: 115, text: 'Déployer des ateliers', confidence: 0.95 },
          { x0: 210, y0: 105, x1: 260, y1: 115, text: 'FIR : 45', confidence: 0.7 },
          { x0: 262, y0: 105, x1: 290, y1: 115, text: '000 €', confidence: 0.5 },
        ],
      },
    ],
  ]);

  it('marks every provenance on an OCR page, with the confidence of the words in its box', () => {
    const doc = markOcr(roadmap(), pages);
    const action = doc.axes[0]!.chantiers[0]!.actions[0]!;
    expect(action.provenance.cells!.action).toMatchObject({ ocr: true, ocrConfidence: 0.95 });
    // Weighted by length: (0.7 × 8 + 0.5 × 5) / 13.
    expect(action.provenance.cells!.financement).toMatchObject({ ocr: true, ocrConfidence: 0.62 });
    // An empty cell: the page's confidence.
    expect(action.provenance.cells!.indicateur).toMatchObject({ ocr: true, ocrConfidence: 0.9 });
    expect(doc.warnings[0]!.at).toMatchObject({ page: 2, ocr: true, ocrConfidence: 0.9 });
    // Page 1 had a text layer.
    expect(doc.axes[0]!.chantiers[0]!.provenance).not.toHaveProperty('ocr');
    expect(doc.source.ocr).toEqual({ pages: [2], confidence: 0.9 });
  });

  it('takes the least sure cell into the action confidence and names low cells', () => {
    const action = markOcr(roadmap(), pages).axes[0]!.chantiers[0]!.actions[0]!;
    expect(action.confidence).toBe(0.56); // 0.9 × 0.62
    expect(action.weakEvidence).toEqual([{ field: 'financement', reason: 'ocr-low-confidence' }]);
  });

  it('leaves a document without OCR pages as it was', () => {
    const doc = roadmap();
    expect(markOcr(doc, new Map())).toBe(doc);
  });
});
