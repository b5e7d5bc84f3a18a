// Hashes one file at a time on the device (the page's pool, hash-pool.js, runs several of these
// workers): MD5 of the bytes (read in chunks, so big files never sit in memory whole); for images
// the browser can decode, PDQ of the upright, unmanaged pixels; for videos, vPDQ: the PDQ of the
// first frame at or after each whole second. Videos are decoded here with WebCodecs when the browser
// has it and the file is MP4/MOV; otherwise the page seeks a <video> element second by second and
// sends the frames' pixels here.
import { md5Start, pdq, vpdqStart, convertsFrame, h264Range, sniff as sniffHead, jpegIcc, rules } from '/js/hasher.js';
import { videoTrack } from '/js/mp4-demux.js';
import { pixelsOf } from '/js/pixels.js';

const CHUNK = 4 * 1024 * 1024;
// The rules this device shares with the server, from the hasher's Java (rules.HashRules): the PDQ
// quality below which a hash is not used, the most vPDQ frames the portal takes for one video (one a
// second), how many first bytes sniff reads, and how many jpegIcc reads.
const { pdqMinQuality: PDQ_MIN_QUALITY, vpdqMaxFrames: MAX_FRAMES, sniffBytes: SNIFF_BYTES, jpegHeadBytes: JPEG_HEAD_BYTES } = rules();
// Decoded frames waiting at most; each is released as soon as it is hashed or skipped.
const DECODE_QUEUE = 8;
// Images are hashed by /js/pdq.wasm where the browser runs it (loaded by /js/pdq-wasm.js): the same Java
// PDQ, compiled by TeaVM to WebAssembly (GC), in about 0.7 of the JavaScript build's time. Where WebAssembly
// GC is missing or fails, hasher.js's pdq does the work, with the same bits. The pixels are drawn straight
// into the module's memory (one block, kept for the next image), so they are held once; an image over
// maxPixels goes to hasher.js. The module is fetched and compiled once, when this worker first meets an
// image (so a worker that hashes only videos never loads it), while that image is still being decoded.
let wasmPdq = null;
function loadWasmPdq() {
  wasmPdq ??= import('/js/pdq-wasm.js').then(({ loadPdq }) => loadPdq()).catch(() => null);
  return wasmPdq;
}

async function imagePdq(bitmap) {
  const { width, height } = bitmap;
  const wasm = await loadWasmPdq();
  let room = null;
  try {
    room = wasm && width * height <= wasm.maxPixels ? wasm.pixels(width * height) : null;
  } catch (e) {
    room = null;
  }
  if (room) {
    pixelsOf(bitmap, room);
    bitmap.close();
    try {
      return { ...wasm.pdq(width, height), build: 'wasm' };
    } catch (e) {
      return { ...pdq(room.slice(), width, height), build: 'js' };
    }
  }
  const pixels = pixelsOf(bitmap);
  bitmap.close();   // released before hashing: the RGBA copy is all PDQ needs
  return { ...pdq(pixels, width, height), build: 'js' };
}

async function md5Of(id, file, share) {
  const md5 = md5Start();
  for (let at = 0; at < file.size; at += CHUNK) {
    const buf = await file.slice(at, Math.min(file.size, at + CHUNK)).arrayBuffer();
    md5.update(new Uint8Array(buf));
    postMessage({ type: 'progress', id, fraction: share * Math.min(1, (at + CHUNK) / file.size) });
  }
  const hex = md5.finish();
  // Told at once, so that the page can drop a file picked twice before the rest of its hashing.
  postMessage({ type: 'md5', id, md5: hex });
  return hex;
}

// What the first bytes say the file is (the hasher's rules.MediaSniffer, the CLI's too); only images
// go to the decoder, so a big video or archive is never handed to createImageBitmap (which would read
// it whole). Bytes of no format it knows fall back to the type the browser gives the file.
function sniff(file, head) {
  const kind = sniffHead(head.subarray(0, SNIFF_BYTES));
  if (kind !== 'unknown') return kind;
  const type = file.type || '';
  return type.startsWith('video/') ? 'video' : type.startsWith('image/') ? 'image' : 'other';
}

// How an image is decoded: 'unmanaged' (no colour conversion, alpha not premultiplied), which gives the
// pixels the CLI reads; or, for a JPEG whose markers before its scan carry no ICC profile (jpegIcc, the
// hasher's rules.JpegIcc), 'untagged-jpeg': the browser's default decode, which gives those same pixels
// (nothing says they are other than sRGB, and a JPEG has no alpha to premultiply; JpegDecodeBrowserTest
// compares both decodes in each engine) and which Blink makes without a second copy of the picture: a
// 12 MP photo in 0.75-0.81 of the time (README.md, hasher-teavm/README.md). Only in Blink: Firefox ESR took 7-22 %
// longer that way and WebKitGTK the same (decoding and reading a 12 MP JPEG, 2026-11-28), so elsewhere the
// decode stays unmanaged. navigator.userAgentData is Blink's alone (Chromium, Chrome, Edge, Samsung
// Internet, Opera). Any doubt means 'unmanaged'.
const DEFAULT_DECODE_IS_FASTER = self.navigator.userAgentData !== undefined;

// The file's first bytes, read once: what sniff reads, and where the default decode may be used, what jpegIcc reads.
async function headOf(file) {
  return new Uint8Array(await file.slice(0, DEFAULT_DECODE_IS_FASTER ? JPEG_HEAD_BYTES : SNIFF_BYTES).arrayBuffer());
}

function decodePath(head) {
  return DEFAULT_DECODE_IS_FASTER && jpegIcc(head) === 'absent' ? 'untagged-jpeg' : 'unmanaged';
}

async function decode(file, path) {
  const managed = path === 'untagged-jpeg' ? 'default' : 'none';
  try {
    return await createImageBitmap(file, {
      colorSpaceConversion: managed, premultiplyAlpha: managed, imageOrientation: 'from-image',
    });
  } catch (e) {
    return null;
  }
}

// RGBA pixels of a decoded frame at its visible size (ignoring pixel aspect, as ffmpeg does).
let frameCanvas = null;
function framePixels(frame) {
  const w = frame.visibleRect ? frame.visibleRect.width : frame.codedWidth;
  const h = frame.visibleRect ? frame.visibleRect.height : frame.codedHeight;
  if (!frameCanvas || frameCanvas.width !== w || frameCanvas.height !== h) frameCanvas = new OffscreenCanvas(w, h);
  const ctx = frameCanvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(frame, 0, 0, w, h);
  return { pixels: ctx.getImageData(0, 0, w, h).data, w, h };
}

let planeBuffer = null;

// Hashes a frame from its own planes (VideoFrame.copyTo) and returns true, or returns false when its
// format is null (some hardware frames) or one the hasher does not convert: the caller then draws it to
// the canvas. Full range as Meta's reference (libswscale) honours it: only for H.264's yuvj formats,
// which is how ffmpeg's H.264 decoder reports a full-range stream; VP9 and AV1 full range stay limited
// there, so here too. `range` is the stream's own (streamRange); the frame's colorSpace, which
// WebKitGTK leaves limited, decides only when that is unknown. The frame must stay open until copyTo
// resolves.
async function hashPlanes(v, frame, range) {
  if (!convertsFrame(frame.format)) return false;
  const rect = frame.visibleRect;
  const options = { rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
  const size = frame.allocationSize(options);
  if (!planeBuffer || planeBuffer.byteLength < size) planeBuffer = new Uint8Array(size);
  const planes = planeBuffer.subarray(0, size);
  let layout;
  try {
    layout = await frame.copyTo(planes, options);
  } catch (e) {
    return false;   // e.g. a visible rectangle the format's subsampling does not allow: draw it instead
  }
  const fullRange = range === 'unknown' ? Boolean(frame.colorSpace && frame.colorSpace.fullRange) : range === 'full';
  v.hashYuv(planes, frame.format, rect.width, rect.height, layout.map((p) => ({ offset: p.offset, stride: p.stride })), fullRange);
  return true;
}

// An H.264 stream's range as ffmpeg decodes it: 'full' exactly when its first SPS sets
// video_full_range_flag at 8 bits (the hasher's AvcSampleRange); when the SPS has no video signal type,
// the container's nclx colour box (track.fullRange), limited without one, as ffmpeg's decoder keeps what
// its demuxer read; 'unknown' when the avcC record can't be read. Other codecs are limited, as in the
// reference.
function streamRange(track, h264) {
  if (!h264) return 'limited';
  let range;
  try {
    range = h264Range(new Uint8Array(track.description));
  } catch (e) {
    return 'unknown';
  }
  return range === 'unspecified' ? (track.fullRange === true ? 'full' : 'limited') : range;
}

async function decoderConfig(track) {
  for (const hardwareAcceleration of ['prefer-software', 'no-preference']) {
    const config = { codec: track.codec, codedWidth: track.width, codedHeight: track.height, hardwareAcceleration };
    if (track.description) config.description = track.description;
    try {
      if ((await VideoDecoder.isConfigSupported(config)).supported) return config;
    } catch (e) { /* try the next */ }
  }
  return null;
}

// vPDQ with WebCodecs: every sample is decoded in order (frames depend on earlier ones), and only
// the sampled frames are hashed, from their planes where the format allows (else drawn to a canvas).
// Frames are handled one after another on a promise chain, because copyTo is asynchronous and the
// sampler needs each wanted frame hashed before it is asked about the next.
// Null when this file or browser can't be decoded here.
async function webCodecsVpdq(id, file, from) {
  if (typeof VideoDecoder === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  const track = await videoTrack(file);
  if (!track || !track.count) return null;
  const config = await decoderConfig(track);
  if (!config) return null;
  const range = streamRange(track, /^avc[13]\./.test(track.codec));
  const v = vpdqStart();
  let failed = null, decoded = 0, hashed = 0, limited = false, lastHashed = 0, fromPlanes = 0, fromCanvas = 0;
  let chain = Promise.resolve(), open = 0;
  const handle = async (frame) => {
    try {
      const t = frame.timestamp / 1e6;
      if (t < 0) {
        // Frames before the start of the edit (decoder preroll) are not part of the video.
      } else if (hashed >= MAX_FRAMES) {
        limited = limited || t >= Math.floor(lastHashed) + 1;
      } else if (!failed && v.wants(t)) {
        if (await hashPlanes(v, frame, range)) {
          fromPlanes++;
        } else {
          const { pixels, w, h } = framePixels(frame);
          v.hash(pixels, w, h);
          fromCanvas++;
        }
        hashed++;
        lastHashed = t;
      }
    } catch (e) {
      failed = failed || e;
    } finally {
      frame.close();
      open--;
    }
    decoded++;
    postMessage({ type: 'progress', id, fraction: from + (1 - from) * Math.min(1, decoded / track.count), seconds: hashed });
  };
  const decoder = new VideoDecoder({
    output: (frame) => { open++; chain = chain.then(() => handle(frame)); },
    error: (e) => { failed = e; },
  });
  const dequeued = () => new Promise((resolve) => {
    const timer = setTimeout(resolve, 10);
    decoder.addEventListener('dequeue', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
  decoder.configure(config);
  let i = 0;
  while (i < track.count && !failed) {
    // Read a run of samples that lie close together in the file in one slice.
    const start = track.offsets[i];
    let j = i, end = start;
    while (j < track.count && track.offsets[j] >= end && track.offsets[j] + track.sizes[j] - start <= CHUNK) {
      end = track.offsets[j] + track.sizes[j];
      j++;
    }
    if (j === i) { j = i + 1; end = start + track.sizes[i]; }
    const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
    for (let k = i; k < j && !failed; k++) {
      while (decoder.decodeQueueSize > DECODE_QUEUE) await dequeued();
      // Decoded frames waiting for the chain stay open; holding many would starve the decoder's pool.
      while (open > DECODE_QUEUE) await chain;
      const at = track.offsets[k] - start;
      decoder.decode(new EncodedVideoChunk({
        type: track.keys[k] ? 'key' : 'delta', timestamp: Math.round(track.times[k] * 1e6),
        data: bytes.subarray(at, at + track.sizes[k]),
      }));
    }
    i = j;
  }
  if (!failed) {
    try { await decoder.flush(); } catch (e) { failed = failed || e; }
  }
  await chain;
  if (decoder.state !== 'closed') decoder.close();
  if (failed || !hashed) return null;
  const path = fromCanvas ? (fromPlanes ? 'webcodecs-mixed' : 'webcodecs-canvas') : 'webcodecs-yuv';
  return { frames: v.frames(), limited, decoder: path };
}

// The fallback: the page seeks a <video> element and sends frames here one at a time.
let pageFrames = null;
function pageVpdq(id) {
  return new Promise((resolve) => {
    pageFrames = { id, v: vpdqStart(), hashed: 0, resolve };
    postMessage({ type: 'need-frames', id, maxFrames: MAX_FRAMES });
  });
}

function onPageMessage(data) {
  const p = pageFrames;
  if (!p || p.id !== data.id) return;
  if (data.type === 'frame') {
    try {
      if (p.hashed < MAX_FRAMES && p.v.wants(data.t)) {
        p.v.hash(data.pixels, data.width, data.height);
        p.hashed++;
      }
    } catch (e) { /* a frame that can't be hashed is left out */ }
    postMessage({ type: 'progress', id: data.id, fraction: data.fraction, seconds: p.hashed });
    postMessage({ type: 'frame-done', id: data.id });
  } else if (data.type === 'frames-end') {
    pageFrames = null;
    p.resolve(p.hashed ? { frames: p.v.frames(), limited: Boolean(data.limited), decoder: 'element' } : null);
  }
}

async function hashVideo(id, file) {
  const md5 = await md5Of(id, file, 0.2);
  const video = (await webCodecsVpdq(id, file, 0.2)) || (await pageVpdq(id));
  if (!video) {
    postMessage({ type: 'done', id, result: { kind: 'video', md5, pdq: null, quality: null, vpdq: null, note: 'video-not-decoded' } });
    return;
  }
  const frames = video.frames.map((f) => ({ t: f.t, pdq: f.pdq, q: f.q }));
  postMessage({ type: 'done', id, result: { kind: 'video', md5, pdq: null, quality: null, vpdq: frames,
    decoder: video.decoder, note: video.limited ? 'video-long' : null } });
}

onmessage = async (event) => {
  if (event.data.type === 'frame' || event.data.type === 'frames-end') { onPageMessage(event.data); return; }
  const { id, file } = event.data;
  try {
    const head = await headOf(file);
    const kind = sniff(file, head);
    if (kind === 'video') { await hashVideo(id, file); return; }
    if (kind === 'image') loadWasmPdq();
    const path = kind === 'image' ? decodePath(head) : null;
    const bitmap = kind === 'image' ? await decode(file, path) : null;
    const md5 = await md5Of(id, file, bitmap ? 0.5 : 1);
    if (!bitmap) {
      postMessage({ type: 'done', id, result: { kind, md5, pdq: null, quality: null, note: kind === 'image' ? 'not-decoded' : 'other-kind' } });
      return;
    }
    const { hash, quality, build } = await imagePdq(bitmap);
    // pdqBuild ('wasm' or 'js') and decodePath stay on this device: the page sends only the hashes.
    postMessage({ type: 'done', id, result: { kind: 'image', md5, pdq: hash, quality, pdqBuild: build, decodePath: path,
      note: quality < PDQ_MIN_QUALITY ? 'low-quality' : null } });
  } catch (e) {
    postMessage({ type: 'error', id });
  }
};
