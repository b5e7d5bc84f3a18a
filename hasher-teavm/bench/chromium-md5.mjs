// Chromium half of the MD5 benchmark: the same measurement as node-bench.mjs (our TeaVM JS and
// hash-wasm over the same 64 MiB in 4 MiB chunks, interleaved, median of 7 rounds after a warm-up)
// in headless Chromium. Serves a page from a local port, runs Chromium on it until the page posts
// its figures back, and prints them as "key value" lines. Usage: node chromium-md5.mjs hasher.js
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [modulePath] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const hashWasm = path.join(here, 'node_modules/hash-wasm/dist/index.esm.js');
const page = `<!doctype html><meta charset="utf-8"><title>MD5 bench</title><script type="module">
import { md5Start } from '/hasher.js';
import { createMD5 } from '/hash-wasm.js';
const data = new Uint8Array(64 << 20);
for (let i = 0; i < data.length; i++) data[i] = Number((BigInt(i) * 2654435761n) >> 13n & 255n);
const CHUNK = 4 << 20;
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const wasm = await createMD5();
const fns = {
  'chromium-teavm-md5-mbps': () => { const s = md5Start(); for (let p = 0; p < data.length; p += CHUNK) s.update(data.subarray(p, p + CHUNK)); return s.finish(); },
  'chromium-hashwasm-md5-mbps': () => { wasm.init(); for (let p = 0; p < data.length; p += CHUNK) wasm.update(data.subarray(p, p + CHUNK)); return wasm.digest('hex'); },
};
const runs = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
const digests = new Set();
for (let r = 0; r < 8; r++) {
  for (const [k, fn] of Object.entries(fns)) {
    const t = performance.now();
    digests.add(fn());
    const s = (performance.now() - t) / 1000;
    if (r > 0) runs[k].push(64 / s);
  }
}
const lines = Object.entries(runs).map(([k, v]) => k + ' ' + median(v).toFixed(0));
if (digests.size !== 1) lines.push('error digests differ: ' + [...digests].join(' '));
await fetch('/result', { method: 'POST', body: lines.join('\\n') });
</script>`;
const files = { '/hasher.js': modulePath, '/hash-wasm.js': hashWasm };
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'md5-bench-chromium-'));
let browser;
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/result') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.end();
      console.log(body);
      process.kill(-browser.pid);
      server.close();
      process.exitCode = body.includes('error') ? 1 : 0;
    });
    return;
  }
  if (files[req.url]) {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    fs.createReadStream(files[req.url]).pipe(res);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  }
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  browser = spawn(process.env.CHROMIUM || 'chromium', ['--headless=new', '--no-sandbox', '--disable-gpu',
    `--user-data-dir=${profile}`, url], { stdio: 'ignore', detached: true });
  // Chromium's helper processes share its process group, so that all of them end with it.
  browser.on('exit', () => {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    if (server.listening) {
      console.error('Chromium exited before the page reported');
      server.close();
      process.exitCode = 1;
    }
  });
});
