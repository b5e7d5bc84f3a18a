// Node half of the hasher benchmark: MD5 MB/s over 64 MiB in 4 MiB chunks (our TeaVM JS, spark-md5,
// hash-wasm, Node's OpenSSL; medians of interleaved rounds) and PDQ ms per image from pixels (median). Prints "key value" lines.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const [modulePath, rgbaPath, w, h] = process.argv.slice(2);
const hasher = await import(pathToFileURL(modulePath).href);
const require = createRequire(import.meta.url);
const SparkMD5 = require('spark-md5');
const { createMD5 } = await import('hash-wasm');

const data = new Uint8Array(64 << 20);
for (let i = 0; i < data.length; i++) data[i] = Number((BigInt(i) * 2654435761n) >> 13n & 255n);
const CHUNK = 4 << 20;

// Rounds interleave the implementations so that each sees the same machine conditions; after one
// warm-up round, the median of 7.
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
function medianOfInterleaved(fns) {
  const runs = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < 8; r++) {
    for (const [k, fn] of Object.entries(fns)) {
      const t = performance.now();
      fn();
      const s = (performance.now() - t) / 1000;
      if (r > 0) runs[k].push(64 / s);
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
}
const wasm = await createMD5();
const results = medianOfInterleaved({
  'js-teavm-md5-mbps': () => { const s = hasher.md5Start(); for (let p = 0; p < data.length; p += CHUNK) s.update(data.subarray(p, p + CHUNK)); s.finish(); },
  'js-hashwasm-md5-mbps': () => { wasm.init(); for (let p = 0; p < data.length; p += CHUNK) wasm.update(data.subarray(p, p + CHUNK)); wasm.digest('hex'); },
  'js-sparkmd5-md5-mbps': () => { const s = new SparkMD5.ArrayBuffer(); for (let p = 0; p < data.length; p += CHUNK) s.append(data.buffer.slice(p, p + CHUNK)); s.end(); },
  'js-node-openssl-md5-mbps': () => { const s = crypto.createHash('md5'); for (let p = 0; p < data.length; p += CHUNK) s.update(data.subarray(p, p + CHUNK)); s.digest('hex'); },
});
const px = new Uint8ClampedArray(fs.readFileSync(rgbaPath));
for (let i = 0; i < 10; i++) hasher.pdq(px, +w, +h);
const ms = [];
const cpu = [];
// Rounds of 100 hashes, as JvmBench's (whose process CPU clock advances in 10 ms steps).
const ROUND = 100;
for (let r = 0; r < 5; r++) {
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < ROUND; i++) hasher.pdq(px, +w, +h);
  ms.push((performance.now() - t) / ROUND);
  const u = process.cpuUsage(c);
  cpu.push((u.user + u.system) / 1000 / ROUND);
}
results['js-teavm-pdq-ms'] = median(ms);
// The least process CPU time of the rounds, as JvmBench measures it: less disturbed by other processes.
results['js-teavm-pdq-cpu-ms'] = Math.min(...cpu);
for (const [k, v] of Object.entries(results)) console.log(`${k} ${v.toFixed(k.endsWith('ms') ? 2 : 0)}`);
