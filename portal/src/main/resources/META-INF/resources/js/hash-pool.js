// A pool of hashing workers (/js/hash-worker.js): several files are hashed at once, one file per
// worker, started in the order they were added. Removing a file stops its work at once: a queued file
// is dropped; the worker busy on it is terminated (its hashing runs long synchronous steps, so nothing
// short of terminate stops it at once) and a fresh one takes the next file; a video being decoded on
// this page (the <video> fallback) stops seeking and sends no more frames.
//
// Memory bound (counted from the buffers, not measured): each worker holds one file at a time. An
// image peaks at about 8-12 bytes a pixel in its worker: while drawn, the decoded bitmap and its RGBA
// copy, read back through one canvas strip of at most 1 MiB (pixels.js); while hashed, the RGBA copy,
// the hasher's copy of it as words and its float luma (the bitmap is released first). That is about
// 100-150 MB for a 12 MP photo (0.4-0.6 GB for 48 MP). Where the worker hashes with WebAssembly
// (/js/pdq.wasm, images up to 16 MP), the RGBA copy is drawn into the module's memory and hashing copies
// nothing more, so the peak is the drawing's, about 8 bytes a pixel; that memory (at most 80 MiB) stays
// for the worker's next image. A video holds at most 8 decoded frames and one RGBA frame (about 35 MB
// at 1080p). So the pool holds at most MAX_WORKERS of those at once: about 0.4-0.6 GB for four 12 MP
// photos; and never more workers than GiB of device memory where the browser tells
// (navigator.deviceMemory).

const WORKER_URL = '/js/hash-worker.js';
// The most workers at once, whatever the number of cores: bounds memory as above.
export const MAX_WORKERS = 4;
// Second k is sampled by seeking just past k, like the CLI's ffmpeg, which takes the first frame at or
// after k. Seeking to k exactly, WebKitGTK 2.50 (GStreamer) shows the frame before k (0.967 s for 1 s
// in a 30 fps WebM). One millisecond is WebM's timestamp step, so no other frame fits between k and
// k + 1 ms, and Chromium and Firefox, which show the frame at k, show the same one.
const SEEK_PAST_SECONDS = 0.001;
// Right after the first seek WebKitGTK 2.50 may have no picture to draw yet: drawImage leaves the
// canvas fully transparent (every decoded frame is opaque) and, half a second later, draws the frame.
// Such a draw is retried every RETRY_MS, at most RETRIES times (2 s), before it is used as it is.
const RETRY_MS = 50;
const RETRIES = 40;

// Workers for this device: one per core, at most MAX_WORKERS, at most one per GiB of device memory.
export function poolSize() {
  const cores = navigator.hardwareConcurrency || 1;
  const memory = navigator.deviceMemory ? Math.max(1, Math.floor(navigator.deviceMemory)) : MAX_WORKERS;
  return Math.max(1, Math.min(cores, MAX_WORKERS, memory));
}

export class HashPool {
  // onMessage gets the workers' 'progress', 'md5', 'done' and 'error' message events (data {type, id, ...})
  // of files still in the pool; nothing arrives for a file after it is cancelled.
  constructor({ size = poolSize(), onMessage }) {
    this.size = size;
    this.onMessage = onMessage;
    this.queue = [];     // [{id, file}] waiting for a worker, in the order added
    this.slots = [];     // [{worker, job}] job: {id, file, abort, frameDone} or null when idle
    // One worker from the start, so the hasher is loaded before the first file is chosen; more are
    // started only when files wait.
    this.slots.push(this.spawn());
  }

  spawn() {
    const slot = { worker: new Worker(WORKER_URL, { type: 'module' }), job: null };
    slot.worker.onmessage = (event) => this.received(slot, event);
    return slot;
  }

  add(id, file) {
    this.queue.push({ id, file });
    this.pump();
  }

  // Stops the file's work at once: dropped from the queue, or its worker terminated and replaced.
  cancel(id) {
    this.queue = this.queue.filter((job) => job.id !== id);
    const slot = this.slots.find((s) => s.job && s.job.id === id);
    if (slot) {
      slot.job.abort.abort();
      slot.worker.onmessage = null;
      slot.worker.terminate();
      this.slots.splice(this.slots.indexOf(slot), 1, this.spawn());
    }
    this.pump();
  }

  // Stops every file's work and every worker; the pool takes no more files.
  close() {
    this.queue = [];
    this.size = 0;
    for (const slot of this.slots) {
      if (slot.job) slot.job.abort.abort();
      slot.worker.onmessage = null;
      slot.worker.terminate();
    }
    this.slots = [];
  }

  // How many files are being hashed right now.
  get working() {
    return this.slots.filter((s) => s.job).length;
  }

  pump() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const { id, file } = this.queue.shift();
      slot.job = { id, file, abort: new AbortController(), frameDone: null };
      slot.worker.postMessage({ id, file });
    }
  }

  received(slot, event) {
    const data = event.data;
    const job = slot.job;
    if (!job || data.id !== job.id) return;
    if (data.type === 'need-frames') { this.sendVideoFrames(slot, job, data.maxFrames); return; }
    if (data.type === 'frame-done') { if (job.frameDone) job.frameDone(); return; }
    if (data.type === 'done' || data.type === 'error') {
      slot.job = null;
      this.pump();
    }
    this.onMessage(event);
  }

  // The <video> fallback for videos the worker can't decode itself: seek to each whole second, draw
  // the frame and hand its pixels to the worker, one at a time (the next waits for the worker). One
  // frame a second, for at most as many seconds as the worker keeps frames (maxFrames, from the hasher).
  async sendVideoFrames(slot, job, maxFrames) {
    let limited = false;
    try {
      limited = await seekAndSend(job, maxFrames, (message, transfer) => slot.worker.postMessage(message, transfer));
    } finally {
      if (!job.abort.signal.aborted) slot.worker.postMessage({ type: 'frames-end', id: job.id, limited });
    }
  }
}

// Sends the frames of the video's first maxSeconds seconds; returns whether the video is longer.
// Stops, sending nothing more, as soon as the job is aborted.
async function seekAndSend(job, maxSeconds, post) {
  const signal = job.abort.signal;
  // Each wait below ends with false as soon as the file is removed.
  const stopped = new Promise((resolve) => {
    if (signal.aborted) resolve(false);
    signal.addEventListener('abort', () => resolve(false), { once: true });
  });
  const unlessAborted = (promise) => Promise.race([promise, stopped]);
  const url = URL.createObjectURL(job.file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  const ok = await unlessAborted(new Promise((resolve) => {
    video.onloadeddata = () => resolve(true);
    video.onerror = () => resolve(false);
    setTimeout(() => resolve(false), 30000);
    video.src = url;
  }));
  let limited = false;
  if (ok && Number.isFinite(video.duration) && video.videoWidth > 0) {
    const w = video.videoWidth, h = video.videoHeight;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const seconds = Math.min(Math.ceil(video.duration), maxSeconds);
    limited = video.duration > maxSeconds;
    for (let k = 0; k < seconds && !signal.aborted; k++) {
      const seeked = await unlessAborted(new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), 10000);
        video.onseeked = () => { clearTimeout(timer); resolve(true); };
        video.currentTime = k + SEEK_PAST_SECONDS;
      }));
      if (!seeked || signal.aborted) break;
      let pixels = draw(ctx, video, w, h);
      for (let retry = 0; retry < RETRIES && transparent(pixels) && !signal.aborted; retry++) {
        await unlessAborted(new Promise((resolve) => setTimeout(resolve, RETRY_MS)));
        pixels = draw(ctx, video, w, h);
      }
      if (signal.aborted) break;
      const done = new Promise((resolve) => { job.frameDone = resolve; });
      post({ type: 'frame', id: job.id, t: k, pixels, width: w, height: h, fraction: 0.2 + 0.8 * (k + 1) / seconds },
        [pixels.buffer]);
      await unlessAborted(done);
    }
  }
  video.removeAttribute('src');
  video.load();
  URL.revokeObjectURL(url);
  return limited;
}

// The video's current picture as RGBA; the canvas is cleared first, so a draw that drew nothing reads
// as transparent rather than as the previous second's picture.
function draw(ctx, video, w, h) {
  ctx.clearRect(0, 0, w, h);
  ctx.drawImage(video, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h).data;
}

// Whether no pixel of an RGBA picture is visible (stops at the first one that is).
function transparent(pixels) {
  for (let i = 3; i < pixels.length; i += 4) {
    if (pixels[i] !== 0) return false;
  }
  return true;
}
