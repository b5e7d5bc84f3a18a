// Drives browser-bench.html in headless Chromium: serves the page, the hasher (JavaScript and WebAssembly), the portal's hashing
// scripts, hash-wasm and the PDQ vector's pixels from 127.0.0.1 (nothing else is fetched), runs
// Debian's chromium on it until the page posts its figures, and prints them as "key value" lines.
// Usage: node browser-bench.mjs hasher.js portal-js-dir rgba width height parts [extra=value ...]
//   parts: comma-separated, of md5, pdq, pool (see the page); extras become the page's query.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [modulePath, portalJs, rgbaPath, width, height, parts, ...extras] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
// A bench with many 12 MP photos takes minutes on a loaded machine; past this the run is abandoned.
const TIMEOUT_MS = 30 * 60 * 1000;
const files = {
  '/': [path.join(here, 'browser-bench.html'), 'text/html; charset=utf-8'],
  '/js/hasher.js': [modulePath, 'text/javascript'],
  '/js/pdq.wasm': [path.join(path.dirname(modulePath), 'pdq.wasm'), 'application/wasm'],
  '/js/pdq-wasm.js': [path.join(path.dirname(modulePath), 'pdq-wasm.js'), 'text/javascript'],
  '/hash-wasm.js': [path.join(here, 'node_modules/hash-wasm/dist/index.esm.js'), 'text/javascript'],
  '/rgba': [rgbaPath, 'application/octet-stream'],
};
for (const name of ['hash-pool.js', 'hash-worker.js', 'mp4-demux.js', 'pixels.js']) {
  files[`/js/${name}`] = [path.join(portalJs, name), 'text/javascript'];
}
// CPU seconds used so far by the browser's processes (its process group; /proc/PID/stat's utime and
// stime, fields 14 and 15, in clock ticks of 1/100 s, Linux's USER_HZ): how many cores the browser got,
// which on a shared machine is what limits the pool.
function browserCpuSeconds() {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      if (browser && +fields[2] === browser.pid) ticks += +fields[11] + +fields[12];
    } catch (e) { /* the process ended meanwhile */ }
  }
  return ticks / 100;
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hasher-bench-chromium-'));
let browser;
const finish = (code) => {
  if (browser && browser.exitCode === null) process.kill(-browser.pid);
  server.close();
  process.exitCode = code;
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method === 'POST' && url.pathname === '/result') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.end();
      console.log(body);
      if (/^error/m.test(body)) console.error(body.split('\n').filter((l) => l.startsWith('error')).join('\n'));
      finish(/^error/m.test(body) ? 1 : 0);
    });
    return;
  }
  if (url.pathname === '/cpu') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(String(browserCpuSeconds()));
    return;
  }
  const file = files[url.pathname];
  if (file && fs.existsSync(file[0])) {
    res.writeHead(200, { 'content-type': file[1] });
    fs.createReadStream(file[0]).pipe(res);
  } else {
    res.writeHead(404);
    res.end();
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(1));
const timer = setTimeout(() => { console.error('the page did not report in time'); finish(1); }, TIMEOUT_MS);
server.on('close', () => clearTimeout(timer));
server.listen(0, '127.0.0.1', () => {
  const query = new URLSearchParams({ parts, w: width, h: height, ...Object.fromEntries(extras.map((e) => e.split('='))) });
  const url = `http://127.0.0.1:${server.address().port}/?${query}`;
  // BENCH_DEBUG=1 shows the page's console on stderr.
  const debug = process.env.BENCH_DEBUG ? ['--enable-logging=stderr', '--v=0'] : [];
  browser = spawn(process.env.CHROMIUM || 'chromium', ['--headless=new', '--no-sandbox', '--disable-gpu',
    '--no-first-run', ...debug, `--user-data-dir=${profile}`, url],
  { stdio: ['ignore', 'ignore', debug.length ? 'inherit' : 'ignore'], detached: true });
  // Chromium's helper processes share its process group, so that all of them end with it.
  browser.on('exit', () => {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    if (server.listening) {
      console.error('Chromium exited before the page reported');
      finish(1);
    }
  });
});
