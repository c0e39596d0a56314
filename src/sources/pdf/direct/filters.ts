/**
 * Stream decoding (ISO 32000-1 §7.4) for what page descriptions use: FlateDecode (with PNG/TIFF predictors, as
 * cross-reference streams need), ASCIIHexDecode and ASCII85Decode. Any other filter is Unsupported, which sends
 * the page back to pdf.js. Flate goes through Node's zlib, synchronously: far cheaper than a JavaScript inflate.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import { type Dict, type PdfValue, asArray, asDict, asNumber, isName } from './objects.js';
import { Unsupported, decodeHex } from './syntax.js';

/** A decoded stream larger than this is not a page description worth reading directly. */
const MAX_DECODED = 256 * 1024 * 1024;

export function decodeStreamData(raw: Uint8Array, dict: Dict, resolve: (v: PdfValue | undefined) => PdfValue | undefined): Uint8Array {
  const filterValue = resolve(dict.get('Filter') ?? dict.get('F'));
  const parmsValue = resolve(dict.get('DecodeParms') ?? dict.get('DP'));
  const filters = filterValue === undefined || filterValue === null ? [] : (asArray(filterValue) ?? [filterValue]);
  const parms = asArray(parmsValue) ?? [parmsValue];
  let data = raw;
  filters.forEach((f, i) => {
    const filter = resolve(f);
    const p = asDict(resolve(parms[i] ?? undefined));
    if (isName(filter, 'FlateDecode') || isName(filter, 'Fl')) data = unpredict(inflate(data), p);
    else if (isName(filter, 'ASCIIHexDecode') || isName(filter, 'AHx')) data = decodeHex(data, 0, data.length).value;
    else if (isName(filter, 'ASCII85Decode') || isName(filter, 'A85')) data = ascii85(data);
    else throw new Unsupported(`filter ${filter instanceof Object && 'name' in filter ? filter.name : String(filter)}`);
  });
  return data;
}

function inflate(data: Uint8Array): Uint8Array {
  // SYNC_FLUSH returns what a truncated or damaged stream still holds instead of throwing, like pdf.js does.
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DECODED };
  try {
    return inflateSync(data, options);
  } catch {
    try {
      return inflateRawSync(data, options); // deflate data written without the zlib header
    } catch (e) {
      throw new Unsupported(`flate data unreadable (${(e as Error).message})`);
    }
  }
}

/** Undoes a PNG (10–15) or TIFF (2) predictor. */
function unpredict(data: Uint8Array, parms: Dict | undefined): Uint8Array {
  const predictor = asNumber(parms?.get('Predictor')) ?? 1;
  if (predictor === 1) return data;
  const colors = asNumber(parms?.get('Colors')) ?? 1;
  const bits = asNumber(parms?.get('BitsPerComponent')) ?? 8;
  const columns = asNumber(parms?.get('Columns')) ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  if (!Number.isInteger(rowLength) || rowLength <= 0 || rowLength > 1 << 20) throw new Unsupported('predictor parameters');
  if (predictor === 2) {
    if (bits !== 8) throw new Unsupported('TIFF predictor with other than 8 bits');
    const out = Uint8Array.from(data);
    for (let row = 0; row + rowLength <= out.length; row += rowLength)
      for (let i = row + bpp; i < row + rowLength; i++) out[i] = (out[i]! + out[i - bpp]!) & 0xff;
    return out;
  }
  if (predictor < 10) throw new Unsupported(`predictor ${predictor}`);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  let prev = new Uint8Array(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = data.subarray(r * (rowLength + 1) + 1, (r + 1) * (rowLength + 1));
    const cur = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bpp ? cur[i - bpp]! : 0;
      const up = prev[i]!;
      const upLeft = i >= bpp ? prev[i - bpp]! : 0;
      let v = src[i]!;
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      cur[i] = v & 0xff;
    }
    prev = cur;
  }
  return out;
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + (group[k] ?? 84);
    for (let k = 0; k < count - 1; k++) out.push((value >>> (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // ~> ends the data
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return Uint8Array.from(out);
}
