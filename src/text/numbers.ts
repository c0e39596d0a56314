/**
 * Numbers as French documents print them: thousands grouped by a space, a no-break space (U+00A0), a narrow
 * no-break space (U+202F) or a thin space (U+2009) — "1 250" is one number, not 250.
 */

/** The characters a printed number groups its thousands with. */
export const THOUSANDS_SEPARATORS = ' \u00a0\u202f\u2009';

/** Source of a RegExp matching one printed whole number, grouped or not ("1 250", "1250", "18"). */
export const GROUPED_NUMBER = `\\d{1,3}(?:[${THOUSANDS_SEPARATORS}]\\d{3})+(?!\\d)|\\d+`;

const WHOLE = new RegExp(`^(?:${GROUPED_NUMBER})$`);

/** The value of a printed whole number ("1 250" → 1250), or null when the text is not one. */
export function parseGroupedNumber(text: string): number | null {
  const t = text.trim();
  if (!WHOLE.test(t)) return null;
  return Number(t.replace(new RegExp(`[${THOUSANDS_SEPARATORS}]`, 'g'), ''));
}

/** Thousands separators of any kind turned into plain spaces (so later patterns need only know " "). */
export function plainThousands(text: string): string {
  return text.replace(/(\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))/g, '$1 ');
}

/**
 * A key figure as set in a brochure's figure grid: a number, possibly grouped, with at most a short unit or sign
 * around it ("1 250", "47%", "47 %", "+30", "80h", "18 ateliers" is not one: it has a caption).
 */
export function isFigureValue(text: string): boolean {
  const t = text.trim();
  return new RegExp(`^[+~≈>]?\\s?(?:${GROUPED_NUMBER})(?:[.,]\\d+)?\\s?(?:%|h|k|M|€)?$`).test(t);
}
