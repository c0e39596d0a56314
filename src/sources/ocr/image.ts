/**
 * Grey-image primitives for OCR'd pages: thresholding, skew and orientation measures, rotation. Pure functions on
 * a one-byte-per-pixel image (0 = black, 255 = white); every length is taken relative to the image's own measures.
 */
export interface GreyImage {
  width: number;
  height: number;
  /** Row-major, one byte per pixel, 0 = black. */
  data: Uint8Array;
}

/** RGBA canvas pixels → grey (ITU-R BT.601 luma). */
export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) data[i] = (rgba[j]! * 299 + rgba[j + 1]! * 587 + rgba[j + 2]! * 114) / 1000;
  return { width, height, data };
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(image: GreyImage): number {
  const histogram = new Float64Array(256);
  for (const v of image.data) histogram[v]!++;
  const total = image.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * histogram[t]!;
  let weightBack = 0;
  let sumBack = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * histogram[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Ink mask (1 = darker than the threshold). */
export function binarize(image: GreyImage, threshold = otsuThreshold(image)): Uint8Array {
  const mask = new Uint8Array(image.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = image.data[i]! <= threshold ? 1 : 0;
  return mask;
}

/** Shrinks an image by an integer factor, averaging each block (fast measures on big scans). */
export function downsample(image: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return image;
  const width = Math.floor(image.width / f);
  const height = Math.floor(image.height / f);
  const data = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * image.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += image.data[row + dx]!;
      }
      data[y * width + x] = sum / area;
    }
  return { width, height, data };
}

/**
 * How sharply ink falls into horizontal lines when the page is turned by `degrees`: the sum of squared
 * differences between neighbouring rows of the projection profile (text lines make it peak and drop).
 * `points` are the ink pixels' coordinates, relative to the image centre.
 */
function profileSharpness(xs: Float64Array, ys: Float64Array, height: number, degrees: number): number {
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  const size = Math.ceil(height * 1.5);
  const offset = size / 2;
  const profile = new Float64Array(size + 1);
  for (let i = 0; i < xs.length; i++) {
    const y = Math.round(xs[i]! * sin + ys[i]! * cos + offset);
    if (y >= 0 && y <= size) profile[y]!++;
  }
  let sharpness = 0;
  for (let y = 1; y <= size; y++) sharpness += (profile[y]! - profile[y - 1]!) ** 2;
  return sharpness;
}

function inkPoints(image: GreyImage): { xs: Float64Array; ys: Float64Array } {
  const mask = binarize(image);
  let count = 0;
  for (const v of mask) count += v;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const cx = image.width / 2;
  const cy = image.height / 2;
  let k = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (mask[y * image.width + x]) {
        xs[k] = x - cx;
        ys[k] = y - cy;
        k++;
      }
  return { xs, ys };
}

/**
 * The small skew of a scanned page, in degrees (positive: the content is turned counter-clockwise), found as
 * the angle within ±`range` that makes the rows' ink profile sharpest; coarse then fine steps. Measured on a
 * reduced image (text lines stay several pixels apart at ~75 dpi).
 */
export function estimateSkew(image: GreyImage, range = 3, reduceTo = 1200): number {
  const small = downsample(image, Math.max(image.width, image.height) / reduceTo);
  const { xs, ys } = inkPoints(small);
  if (xs.length < 50) return 0;
  const best = (from: number, to: number, step: number) => {
    let angle = 0;
    let top = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = profileSharpness(xs, ys, small.height, a);
      if (s > top) {
        top = s;
        angle = a;
      }
    }
    return angle;
  };
  const coarse = best(-range, range, 0.5);
  const fine = best(coarse - 0.5, coarse + 0.5, 0.05);
  return Math.round(fine * 100) / 100;
}

/**
 * Whether the text runs across (0°/180°) or along (90°/270°) the image: text lines make the profile across
 * them sharp and the profile along them flat. Returns the ratio of row sharpness to column sharpness.
 */
export function horizontalTextRatio(image: GreyImage, reduceTo = 800): number {
  const small = downsample(image, Math.max(image.width, image.height) / reduceTo);
  const { xs, ys } = inkPoints(small);
  if (xs.length < 50) return 1;
  const rows = profileSharpness(xs, ys, Math.max(small.width, small.height), 0);
  const columns = profileSharpness(ys, xs, Math.max(small.width, small.height), 0);
  return rows / Math.max(1, columns);
}

/**
 * Undoes a skew measured by `estimateSkew`: turns the content by `skew` degrees clockwise about the centre
 * (bilinear, same size, paper colour where nothing comes in).
 */
export function straighten(image: GreyImage, skew: number, paper = 255): GreyImage {
  if (Math.abs(skew) < 0.01) return image;
  const { width, height } = image;
  const out = new Uint8Array(width * height);
  const radians = (skew * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    // Source of output pixel (x, y): the corrected line y' = x·sin + y·cos taken back.
    let sx = cx - cx * cos + dy * sin;
    let sy = cy + cx * sin + dy * cos;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * width + x] = paper;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = image.data[i]! * (1 - fx) + image.data[i + 1]! * fx;
      const bottom = image.data[i + width]! * (1 - fx) + image.data[i + width + 1]! * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data: out };
}

/** Turns an image by a quarter-turn multiple, counter-clockwise (90, 180, 270). */
export function rotateQuarter(image: GreyImage, degrees: 0 | 90 | 180 | 270): GreyImage {
  if (degrees === 0) return image;
  const { width: w, height: h, data } = image;
  const turned = degrees === 180 ? { width: w, height: h } : { width: h, height: w };
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      // Counter-clockwise on screen (y down): (x, y) → (y, w-1-x) for 90.
      if (degrees === 90) out[(w - 1 - x) * turned.width + y] = v;
      else if (degrees === 180) out[(h - 1 - y) * w + (w - 1 - x)] = v;
      else out[x * turned.width + (h - 1 - y)] = v;
    }
  return { ...turned, data: out };
}

/** The image as a binary PGM (P5) file, which Leptonica (inside tesseract) reads without any codec. */
export function toPgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}
