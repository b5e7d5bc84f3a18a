// Test harness: drives the TeaVM-generated hasher.js from the JVM tests.
// usage: node harness.mjs COMMAND /abs/path/hasher.js ARGS...
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [command, modulePath, ...args] = process.argv.slice(2);
const h = await import(pathToFileURL(modulePath).href);
const out = [];

// Records: int32 LE width, int32 LE height, width*height*4 RGBA bytes.
function* images(file) {
  const buf = fs.readFileSync(file);
  let at = 0;
  while (at < buf.length) {
    const w = buf.readInt32LE(at), ht = buf.readInt32LE(at + 4);
    at += 8;
    const n = w * ht * 4;
    yield [new Uint8ClampedArray(buf.buffer, buf.byteOffset + at, n), w, ht];
    at += n;
  }
}

switch (command) {
  case 'pdq': {                       // ARGS: rgbaFile width height
    const px = new Uint8Array(fs.readFileSync(args[0]));
    const r = h.pdq(px, Number(args[1]), Number(args[2]));
    out.push(`${r.hash} ${r.quality}`);
    out.push(h.pdqDihedral(px, Number(args[1]), Number(args[2])).join(' '));
    break;
  }
  case 'pdq-batch': {                 // ARGS: recordsFile -> "hash quality" per image
    for (const [px, w, ht] of images(args[0])) {
      const r = h.pdq(px, w, ht);
      // The same pixels at an odd byte offset take the byte path instead of the 32-bit word view.
      const shifted = new Uint8ClampedArray(px.length + 1);
      shifted.set(px, 1);
      const u = h.pdq(shifted.subarray(1), w, ht);
      out.push(u.hash === r.hash && u.quality === r.quality ? `${r.hash} ${r.quality}` : `unaligned ${u.hash} ${u.quality}`);
    }
    break;
  }
  case 'vpdq': {                      // ARGS: recordsFile of frames (VpdqJsParityTest.write)
    const buf = fs.readFileSync(args[0]);
    const v = h.vpdqStart(), y = h.vpdqStart();
    let at = 0;
    while (at < buf.length) {
      const t = buf.readDoubleLE(at), w = buf.readInt32LE(at + 8), ht = buf.readInt32LE(at + 12);
      const nameLength = buf.readInt32LE(at + 16);
      const format = buf.toString('ascii', at + 20, at + 20 + nameLength);
      at += 20 + nameLength;
      const fullRange = buf.readInt32LE(at) === 1, planes = buf.readInt32LE(at + 4);
      at += 8;
      const layout = [];
      for (let p = 0; p < planes; p++, at += 8) layout.push({ offset: buf.readInt32LE(at), stride: buf.readInt32LE(at + 4) });
      const size = buf.readInt32LE(at);
      at += 4;
      // The planes one byte into their buffer, so the view's own offset is exercised.
      const planesCopy = new Uint8Array(size + 1).subarray(1);
      planesCopy.set(buf.subarray(at, at + size));
      at += size;
      const px = new Uint8ClampedArray(buf.buffer, buf.byteOffset + at, w * ht * 4);
      at += w * ht * 4;
      if (v.wants(t)) v.hash(px, w, ht);
      if (y.wants(t)) y.hashYuv(planesCopy, format, w, ht, layout, fullRange);
    }
    for (const f of v.frames()) out.push(`${f.t} ${f.pdq} ${f.q}`);
    out.push(`seen ${v.framesSeen()}`);
    try { v.hash(new Uint8ClampedArray(4), 1, 1); out.push('unwanted: NO ERROR'); }
    catch (e) { out.push(`unwanted: ${e.message}`); }
    try { v.wants(-1); out.push('negative: NO ERROR'); }
    catch (e) { out.push(`negative: ${e.message}`); }
    for (const f of y.frames()) out.push(`${f.t} ${f.pdq} ${f.q}`);
    out.push(`seen ${y.framesSeen()}`);
    const z = h.vpdqStart();
    z.wants(0);
    const grey = new Uint8Array(16 * 16 * 3 / 2).fill(128);
    const i420 = [{ offset: 0, stride: 16 }, { offset: 256, stride: 8 }, { offset: 320, stride: 8 }];
    try { z.hashYuv(grey, 'I420P12', 16, 16, i420, false); out.push('format: NO ERROR'); }
    catch (e) { out.push(`format: ${e.message}`); }
    try { z.hashYuv(grey.subarray(1), 'I420', 16, 16, i420, false); out.push('short: NO ERROR'); }
    catch (e) { out.push(`short: ${e.message}`); }
    // Offsets and strides of 2^31 or more would wrap in an Int32Array (2^32 to 0) and convert the wrong bytes.
    for (const [name, wrapping] of [['wrapped offset', { offset: 2 ** 32, stride: 16 }], ['wrapped stride', { offset: 0, stride: 2 ** 31 }]]) {
      try { z.hashYuv(grey, 'I420', 16, 16, [wrapping, i420[1], i420[2]], false); out.push(`${name}: NO ERROR`); }
      catch (e) { out.push(`${name}: ${e.message}`); }
    }
    out.push(`refused: ${z.frames().length} frames, ${z.framesSeen()} seen`);
    try { z.hashYuv(grey, 'I420', 16, 16, i420, false); out.push(`then hashed: ${z.frames().length} frames`); }
    catch (e) { out.push(`then hashed: ${e.message}`); }
    break;
  }
  case 'md5-batch': {                 // ARGS: file of [int32 length][bytes]... -> whole, then chunked
    const buf = fs.readFileSync(args[0]);
    let at = 0, seed = 12345;
    const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    while (at < buf.length) {
      const n = buf.readInt32LE(at); at += 4;
      // Copy to an offset of 1..3 bytes so both the aligned and the unaligned paths run.
      const shift = rnd(4);
      const backing = new Uint8Array(n + shift);
      backing.set(buf.subarray(at, at + n), shift);
      const data = backing.subarray(shift);
      const s = h.md5Start();
      let p = 0;
      while (p < n) { const k = Math.min(n - p, 1 + rnd(300)); s.update(data.subarray(p, p + k)); p += k; }
      out.push(`${h.md5Hex(data)} ${s.finish()}`);
      at += n;
    }
    break;
  }
  case 'errors': {                    // each bad call -> "name: message" or "name: NO ERROR"
    const px = new Uint8ClampedArray(4 * 4 * 4);
    const calls = {
      wrongLength: () => h.pdq(px, 4, 5),
      zeroSize: () => h.pdq(new Uint8ClampedArray(0), 0, 0),
      notTyped: () => h.pdq([1, 2, 3, 4], 1, 1),
      fractionalWidth: () => h.pdq(px, 4.5, 4),
      dihedralWrongLength: () => h.pdqDihedral(px, 3, 3),
      malformedHex: () => h.hamming('xyz', '0'.repeat(64)),
      shortHex: () => h.hamming('0'.repeat(63), '0'.repeat(64)),
      notString: () => h.hamming(5, '0'.repeat(64)),
      md5NotBytes: () => h.md5Hex('abc'),
      updateAfterFinish: () => { const s = h.md5Start(); s.finish(); s.update(new Uint8Array(1)); },
    };
    for (const [name, f] of Object.entries(calls)) {
      try { f(); out.push(`${name}: NO ERROR`); }
      catch (e) { out.push(`${name}: ${e instanceof Error ? 'Error' : typeof e}: ${e.message}`); }
    }
    out.push(`hammingMixedCase: ${h.hamming('F'.repeat(64), 'f'.repeat(64))}`);
    break;
  }
  case 'sniff': {                     // ARGS: files -> what sniff() says of each file's first bytes
    const n = h.rules().sniffBytes;
    for (const file of args) out.push(h.sniff(new Uint8Array(fs.readFileSync(file).subarray(0, n))));
    break;
  }
  case 'jpeg-icc': {                  // ARGS: files -> what jpegIcc() says of each file's first bytes
    const n = h.rules().jpegHeadBytes;
    for (const file of args) out.push(h.jpegIcc(new Uint8Array(fs.readFileSync(file).subarray(0, n))));
    break;
  }
  case 'converts-frame': {            // ARGS: VideoFrame.format names -> what convertsFrame() says, then of null
    for (const f of args) out.push(`${f}: ${h.convertsFrame(f)}`);
    out.push(`null: ${h.convertsFrame(null)}`);
    break;
  }
  case 'h264-range': {                // ARGS: hex avcC records -> what h264Range() says of each
    for (const hex of args) out.push(h.h264Range(Uint8Array.from(hex.match(/../g) || [], (b) => parseInt(b, 16))));
    try { h.h264Range([1, 2, 3]); out.push('array: NO ERROR'); } catch (e) { out.push(`array: ${e.message}`); }
    break;
  }
  case 'rules': {                     // -> the rules() object as JSON
    out.push(JSON.stringify(h.rules()));
    break;
  }
  default:
    console.error(`unknown command ${command}`);
    process.exit(2);
}
process.stdout.write(out.join('\n') + '\n');
