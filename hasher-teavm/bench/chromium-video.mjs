// vPDQ of one video in headless Chromium, outside the portal. Serves the hasher and the portal's
// worker scripts from a local port and runs Chromium on a page until it posts back.
//   node chromium-video.mjs hasher.js VIDEO worker  -> the worker's result as JSON (frames, decoder)
//   node chromium-video.mjs hasher.js VIDEO bench   -> per sampled frame, copyTo + hashYuv against
//     drawImage + getImageData + hash on the same decoded frames, alternating which goes first;
//     prints the pixel formats seen, medians in ms (and of the copy and of the drawing + reading
//     alone), their ratio, and the largest distance between the two paths' hashes.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [modulePath, video, mode = 'worker'] = process.argv.slice(2);
const LIMIT_S = Number(process.env.LIMIT_S || 600);
const here = path.dirname(fileURLToPath(import.meta.url));
const js = path.join(here, '../../portal/src/main/resources/META-INF/resources/js');
const files = {
  '/js/hasher.js': modulePath, '/js/mp4-demux.js': path.join(js, 'mp4-demux.js'),
  '/js/hash-worker.js': path.join(js, 'hash-worker.js'), '/video.mp4': video,
};
const workerPage = `
const file = new File([await (await fetch('/video.mp4')).blob()], 'video.mp4');
const worker = new Worker('/js/hash-worker.js', { type: 'module' });
const started = performance.now();
const result = await new Promise((resolve) => {
  worker.onmessage = (e) => {
    if (e.data.type === 'done' || e.data.type === 'error') resolve(e.data);
    if (e.data.type === 'need-frames') resolve({ type: 'element-fallback-needed' });
  };
  worker.postMessage({ id: 1, file });
});
result.ms = Math.round(performance.now() - started);
await fetch('/result', { method: 'POST', body: JSON.stringify(result) });`;
const benchImports = `
import { vpdqStart, hamming } from '/js/hasher.js';
import { videoTrack } from '/js/mp4-demux.js';`;
const benchPage = `
const file = new File([await (await fetch('/video.mp4')).blob()], 'video.mp4');
const track = await videoTrack(file);
const yuv = vpdqStart(), canvas = vpdqStart();
const tYuv = [], tCanvas = [], tCopy = [], tRead = [];
let frames = [], buffer = null, surface = null, n = 0;
const formats = new Set();
const viaPlanes = async (frame) => {
  const r = frame.visibleRect, options = { rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
  const t = performance.now();
  const size = frame.allocationSize(options);
  if (!buffer || buffer.byteLength < size) buffer = new Uint8Array(size);
  const layout = await frame.copyTo(buffer.subarray(0, size), options);
  tCopy.push(performance.now() - t);
  yuv.hashYuv(buffer.subarray(0, size), frame.format, r.width, r.height, layout.map((p) => ({ offset: p.offset, stride: p.stride })), false);
  tYuv.push(performance.now() - t);
};
const viaCanvas = (frame) => {
  const w = frame.visibleRect.width, h = frame.visibleRect.height;
  const t = performance.now();
  if (!surface) surface = new OffscreenCanvas(w, h);
  const ctx = surface.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(frame, 0, 0, w, h);
  const pixels = ctx.getImageData(0, 0, w, h).data;
  tRead.push(performance.now() - t);
  canvas.hash(pixels, w, h);
  tCanvas.push(performance.now() - t);
};
let chain = Promise.resolve();
const decoder = new VideoDecoder({
  output: (frame) => { chain = chain.then(async () => {
    const t = frame.timestamp / 1e6;
    formats.add(String(frame.format));
    if (yuv.wants(t) & canvas.wants(t)) {
      if (n++ % 2) { await viaPlanes(frame); viaCanvas(frame); } else { viaCanvas(frame); await viaPlanes(frame); }
    }
    frame.close();
  }); },
  error: (e) => { frames.push(String(e)); },
});
decoder.configure({ codec: track.codec, codedWidth: track.width, codedHeight: track.height, description: track.description, hardwareAcceleration: 'prefer-software' });
const bytes = new Uint8Array(await file.arrayBuffer());
for (let k = 0; k < track.count; k++) {
  while (decoder.decodeQueueSize > 8) await new Promise((r) => setTimeout(r, 1));
  decoder.decode(new EncodedVideoChunk({ type: track.keys[k] ? 'key' : 'delta', timestamp: Math.round(track.times[k] * 1e6),
    data: bytes.subarray(track.offsets[k], track.offsets[k] + track.sizes[k]) }));
}
await decoder.flush();
await chain;
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const a = yuv.frames(), b = canvas.frames();
const lines = ['formats ' + [...formats].join(' '), 'frames ' + tYuv.length, 'copyto-hashyuv-ms ' + median(tYuv).toFixed(1), 'draw-getimagedata-hash-ms ' + median(tCanvas).toFixed(1),
  'of which copyto-ms ' + median(tCopy).toFixed(1), 'of which draw-getimagedata-ms ' + median(tRead).toFixed(1),
  'ratio yuv/canvas ' + (median(tYuv) / median(tCanvas)).toFixed(2),
  'max-bits yuv-vs-canvas ' + Math.max(...a.map((f, i) => b[i] ? hamming(f.pdq, b[i].pdq) : 256))];
await fetch('/result', { method: 'POST', body: lines.join('\\n') });`;
const page = `<!doctype html><meta charset="utf-8"><title>video</title><script type="module">${mode === 'bench' ? benchImports : ''}
try { ${mode === 'bench' ? benchPage : workerPage} } catch (e) { await fetch('/result', { method: 'POST', body: 'error ' + e }); }
</script>`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'video-chromium-'));
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
      process.exitCode = body.startsWith('error') ? 1 : 0;
    });
    return;
  }
  if (files[req.url]) {
    res.writeHead(200, { 'content-type': req.url.endsWith('.js') ? 'text/javascript' : 'video/mp4' });
    fs.createReadStream(files[req.url]).pipe(res);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  }
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  browser = spawn(process.env.CHROMIUM || 'chromium', ['--headless=new', '--no-sandbox', '--disable-gpu',
    `--user-data-dir=${profile}`, ...(process.env.DEBUG ? ['--enable-logging=stderr'] : []), url],
  { stdio: ['ignore', 'ignore', process.env.DEBUG ? 'inherit' : 'ignore'], detached: true });
  // Chromium's helper processes share its process group, so that all of them end with it.
  setTimeout(() => {
    if (!server.listening) return;
    console.error('no result within ' + LIMIT_S + ' s');
    process.kill(-browser.pid);
  }, LIMIT_S * 1000).unref();
  browser.on('exit', () => {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    if (server.listening) {
      console.error('Chromium exited before the page reported');
      server.close();
      process.exitCode = 1;
    }
  });
});
