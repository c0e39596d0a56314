/** Text compared the way table cells are compared: Unicode-folded, lower case, letters and digits only. */
export function normText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
