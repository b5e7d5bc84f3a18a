// Hashes one file at a time on the device: MD5 of the bytes (read in chunks, so big files never
// sit in memory whole) and, for images the browser can decode, PDQ of the upright, unmanaged pixels.
import { md5Start, pdq } from '/js/hasher.js';

const CHUNK = 4 * 1024 * 1024;
const TILE = 4096;

async function md5Of(id, file, share) {
  const md5 = md5Start();
  for (let at = 0; at < file.size; at += CHUNK) {
    const buf = await file.slice(at, Math.min(file.size, at + CHUNK)).arrayBuffer();
    md5.update(new Uint8Array(buf));
    postMessage({ type: 'progress', id, fraction: share * Math.min(1, (at + CHUNK) / file.size) });
  }
  return md5.finish();
}

// What the first bytes say the file is; only images go to the decoder, so a big video or
// archive is never handed to createImageBitmap (which would read it whole).
async function sniff(file) {
  const b = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const ascii = (from, to) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image';
  if (ascii(1, 4) === 'PNG' || ascii(0, 3) === 'GIF' || ascii(0, 2) === 'BM') return 'image';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    return ['avif', 'avis', 'heic', 'heix', 'mif1', 'msf1'].includes(brand) ? 'image' : 'video';
  }
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'video';
  const type = file.type || '';
  return type.startsWith('video/') ? 'video' : type.startsWith('image/') ? 'image' : 'other';
}

async function decode(file) {
  try {
    return await createImageBitmap(file, {
      colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image',
    });
  } catch (e) {
    return null;
  }
}

// Full-resolution RGBA pixels, drawn in tiles so that browsers' canvas size limits don't apply.
function pixelsOf(bitmap) {
  const w = bitmap.width, h = bitmap.height;
  const out = new Uint8ClampedArray(w * h * 4);
  const tw = Math.min(TILE, w), th = Math.min(TILE, h);
  const canvas = new OffscreenCanvas(tw, th);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  for (let y = 0; y < h; y += th) {
    for (let x = 0; x < w; x += tw) {
      const cw = Math.min(tw, w - x), ch = Math.min(th, h - y);
      ctx.clearRect(0, 0, tw, th);
      ctx.drawImage(bitmap, x, y, cw, ch, 0, 0, cw, ch);
      const tile = ctx.getImageData(0, 0, cw, ch).data;
      for (let r = 0; r < ch; r++) {
        out.set(tile.subarray(r * cw * 4, (r + 1) * cw * 4), ((y + r) * w + x) * 4);
      }
    }
  }
  return out;
}

onmessage = async (event) => {
  const { id, file } = event.data;
  try {
    const kind = await sniff(file);
    const bitmap = kind === 'image' ? await decode(file) : null;
    const md5 = await md5Of(id, file, bitmap ? 0.5 : 1);
    if (!bitmap) {
      postMessage({ type: 'done', id, result: { kind, md5, pdq: null, quality: null, note: 'not-decoded' } });
      return;
    }
    const pixels = pixelsOf(bitmap);
    const { hash, quality } = pdq(pixels, bitmap.width, bitmap.height);
    bitmap.close();
    postMessage({ type: 'done', id, result: { kind: 'image', md5, pdq: hash, quality, note: quality < 50 ? 'low-quality' : null } });
  } catch (e) {
    postMessage({ type: 'error', id });
  }
};
