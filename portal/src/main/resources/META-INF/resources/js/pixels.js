// A decoded image's full-resolution RGBA pixels, read back through a small canvas (hash-worker.js).

// The widest strip, in pixels: a canvas at most 4096 a side is within every browser's canvas size limits.
export const TILE = 4096;
// The most bytes of one strip. With 12 MP photos in Chromium (hasher-teavm/bench, 2026-11-28), reading
// the pixels took about 33 ms in strips of 256 KiB or 1 MiB, 38-40 ms in strips of 64 KiB (many more
// draws) and 52 ms through one canvas as big as the photo.
export const STRIP_BYTES = 1024 * 1024;

// The bitmap's RGBA pixels, drawn strip by strip into `out` (width * height * 4 bytes) when given, else
// into a new array. The canvas and the pixels read back from it are at most STRIP_BYTES, whatever the
// image's size, rather than a canvas and a copy as big as the photo. Each pixel is drawn at its own place,
// unscaled, so strips give the bits one big canvas gives.
export function pixelsOf(bitmap, out) {
  const w = bitmap.width, h = bitmap.height;
  out = out || new Uint8ClampedArray(w * h * 4);
  const tw = Math.min(TILE, w);
  const th = Math.max(1, Math.min(h, TILE, Math.floor(STRIP_BYTES / (tw * 4))));
  const canvas = new OffscreenCanvas(tw, th);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let drawn = false;
  for (let y = 0; y < h; y += th) {
    for (let x = 0; x < w; x += tw) {
      const cw = Math.min(tw, w - x), ch = Math.min(th, h - y);
      if (drawn) ctx.clearRect(0, 0, cw, ch);   // a transparent pixel must not show the last strip
      drawn = true;
      ctx.drawImage(bitmap, x, y, cw, ch, 0, 0, cw, ch);
      const strip = ctx.getImageData(0, 0, cw, ch).data;
      if (cw === w) {
        out.set(strip, y * w * 4);
      } else {
        for (let r = 0; r < ch; r++) {
          out.set(strip.subarray(r * cw * 4, (r + 1) * cw * 4), ((y + r) * w + x) * 4);
        }
      }
    }
  }
  return out;
}
