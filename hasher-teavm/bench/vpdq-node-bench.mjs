// Node half of the vPDQ benchmark: frames hashed per second by the TeaVM JavaScript's vpdqStart()
// from decoded RGBA frames, each offered at the next whole second so every one is hashed.
// Usage: node vpdq-node-bench.mjs hasher.js NAME FRAMES.rgba [NAME FRAMES.rgba ...]
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modulePath, ...pairs] = process.argv.slice(2);
const hasher = await import(pathToFileURL(modulePath).href);
for (let a = 0; a < pairs.length; a += 2) {
  const buf = fs.readFileSync(pairs[a + 1]);
  const w = buf.readInt32LE(0), h = buf.readInt32LE(4), size = 8 + w * h * 4;
  const frames = [];
  for (let at = 0; at + size <= buf.length; at += size) {
    frames.push(new Uint8ClampedArray(buf.buffer, buf.byteOffset + at + 8, w * h * 4));
  }
  let best = 0;
  for (let round = 0; round < 4; round++) {
    const v = hasher.vpdqStart();
    const t = performance.now();
    frames.forEach((px, i) => { if (v.wants(i)) v.hash(px, w, h); });
    const fps = frames.length / ((performance.now() - t) / 1000);
    if (round > 0) best = Math.max(best, fps);
  }
  console.log(`js-vpdq-${pairs[a]}-fps ${best.toFixed(1)}`);
}
