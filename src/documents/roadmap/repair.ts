import type { Warning } from '../../model/index.js';
import { cleanSpaces } from '../../text/normalize.js';
import type { RowCells } from './blocks.js';

/** "FIR: 15.000 €", "PRIAC : 65 000 euros": a funder's acronym, a colon and an amount in euros. */
const SPILLED_FUNDING = /(?:^|\s)((?:FIR|PRIAC|ARS|ONDAM|CNR|CPOM|T2A|CNSA|MIG|DAF)\s*:\s*\d{1,3}(?:[ .\u00a0\u202f]\d{3})*(?:,\d+)?\s*(?:€|euros?|k€|M€))(?=\s|$)/;

/**
 * Converters sometimes spill a short funding phrase from the Financement cell into the Actions cell beside it
 * (the two are printed side by side). When the financement cell is empty and the action holds such a phrase,
 * the phrase is moved back, and the move is reported as a warning so nothing changes silently.
 */
export function repairSpilledFunding(cells: RowCells): { cells: RowCells; warning?: Omit<Warning, 'at'> } {
  if (cells.financement.trim()) return { cells };
  const m = SPILLED_FUNDING.exec(cells.action);
  if (!m) return { cells };
  const phrase = m[1]!;
  const action = cleanSpaces(cells.action.slice(0, m.index) + ' ' + cells.action.slice(m.index + m[0].length));
  return {
    cells: { ...cells, action, financement: phrase },
    warning: { code: 'funding-moved-from-action', message: `moved "${phrase}" from the action cell to the empty financement cell` },
  };
}
