// A small ISO BMFF (MP4, MOV) reader for WebCodecs: finds the first video track and lists its
// samples (file offset, size, presentation time, key frame) from the sample tables, reading only
// box headers and the moov box, never the whole file. Fragmented MP4 is not handled (null).

const MAX_MOOV = 64 * 1024 * 1024;

const text = (b, at) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

// Top-level boxes: returns the moov box's bytes, or null.
async function readMoov(file) {
  let at = 0;
  while (at + 8 <= file.size) {
    const head = new DataView(await file.slice(at, at + 16).arrayBuffer());
    let size = head.getUint32(0);
    const type = String.fromCharCode(head.getUint8(4), head.getUint8(5), head.getUint8(6), head.getUint8(7));
    let headerSize = 8;
    if (size === 1) {
      if (head.byteLength < 16) return null;
      size = Number(head.getBigUint64(8));
      headerSize = 16;
    } else if (size === 0) {
      size = file.size - at;
    }
    if (size < headerSize) return null;
    if (type === 'moov') {
      if (size > MAX_MOOV) return null;
      return new Uint8Array(await file.slice(at + headerSize, at + size).arrayBuffer());
    }
    if (type === 'moof') return null;
    at += size;
  }
  return null;
}

// Child boxes of a container's payload: [{type, start, end}] with start/end of the payload.
function children(b, from, to) {
  const out = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = from;
  while (at + 8 <= to) {
    let size = v.getUint32(at);
    let header = 8;
    if (size === 1) { size = Number(v.getBigUint64(at + 8)); header = 16; }
    if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    out.push({ type: text(b, at + 4), start: at + header, end: at + size });
    at += size;
  }
  return out;
}

const child = (b, box, type) => box && children(b, box.start, box.end).find((c) => c.type === type);

function hex2(n) { return n.toString(16).padStart(2, '0'); }

// The codec string and decoder description of the first sample entry, when it is H.264, VP9 or AV1;
// for H.264 also `fullRange`, the range an nclx colour box gives (ISO/IEC 14496-12 12.1.5: colour type,
// primaries, transfer, matrix, then the full-range bit), which ffmpeg's demuxer passes to its decoder, or
// null without one (QuickTime's nclc boxes have no range).
function sampleEntry(b, stsd) {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const entries = children(b, stsd.start + 8, stsd.end);
  if (!entries.length) return null;
  const e = entries[0];
  const width = v.getUint16(e.start + 24), height = v.getUint16(e.start + 26);
  const inner = children(b, e.start + 78, e.end);
  const find = (t) => inner.find((c) => c.type === t);
  if (e.type === 'avc1' || e.type === 'avc3') {
    const avcC = find('avcC');
    if (!avcC) return null;
    const colr = find('colr');
    const nclx = colr && colr.end - colr.start >= 11 && text(b, colr.start) === 'nclx';
    return {
      codec: `${e.type}.${hex2(b[avcC.start + 1])}${hex2(b[avcC.start + 2])}${hex2(b[avcC.start + 3])}`,
      description: b.slice(avcC.start, avcC.end), width, height,
      fullRange: nclx ? (b[colr.start + 10] & 0x80) !== 0 : null,
    };
  }
  if (e.type === 'vp09') {
    const vpcC = find('vpcC');
    if (!vpcC) return null;
    const p = vpcC.start + 4;
    const profile = b[p], level = b[p + 1], depth = b[p + 2] >> 4;
    return { codec: `vp09.${String(profile).padStart(2, '0')}.${String(level).padStart(2, '0')}.${String(depth).padStart(2, '0')}`, width, height };
  }
  if (e.type === 'av01') {
    const av1C = find('av1C');
    if (!av1C) return null;
    const p = av1C.start;
    const profile = b[p + 1] >> 5, level = b[p + 1] & 31, tier = b[p + 2] >> 7 ? 'H' : 'M';
    const depth = (b[p + 2] >> 6) & 1 ? ((b[p + 2] >> 5) & 1 ? 12 : 10) : 8;
    return { codec: `av01.${profile}.${String(level).padStart(2, '0')}${tier}.${String(depth).padStart(2, '0')}`,
      description: b.slice(av1C.start, av1C.end), width, height };
  }
  return null;
}

// The video track's samples in decoding order: Float64Array offsets, Uint32Array sizes,
// Float64Array presentation times in seconds, Uint8Array key flags. Null when there is none.
function samples(b, trak) {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const mdia = child(b, trak, 'mdia');
  const hdlr = child(b, mdia, 'hdlr');
  if (!hdlr || text(b, hdlr.start + 8) !== 'vide') return null;
  const mdhd = child(b, mdia, 'mdhd');
  const timescale = b[mdhd.start] === 1 ? v.getUint32(mdhd.start + 20) : v.getUint32(mdhd.start + 12);
  const stbl = child(b, child(b, mdia, 'minf'), 'stbl');
  if (!stbl || !timescale) return null;
  const entry = sampleEntry(b, child(b, stbl, 'stsd'));
  if (!entry) return { unsupported: true };

  const stsz = child(b, stbl, 'stsz');
  if (!stsz) return null;
  const fixed = v.getUint32(stsz.start + 4), n = v.getUint32(stsz.start + 8);
  const sizes = new Uint32Array(n);
  for (let i = 0; i < n; i++) sizes[i] = fixed || v.getUint32(stsz.start + 12 + 4 * i);

  const stco = child(b, stbl, 'stco'), co64 = child(b, stbl, 'co64');
  const chunkCount = v.getUint32((stco || co64).start + 4);
  const chunkOffset = (c) => (stco ? v.getUint32(stco.start + 8 + 4 * c) : Number(v.getBigUint64(co64.start + 8 + 8 * c)));
  const stsc = child(b, stbl, 'stsc');
  const runs = v.getUint32(stsc.start + 4);
  const offsets = new Float64Array(n);
  let s = 0;
  for (let r = 0; r < runs && s < n; r++) {
    const first = v.getUint32(stsc.start + 8 + 12 * r) - 1;
    const perChunk = v.getUint32(stsc.start + 12 + 12 * r);
    const last = r + 1 < runs ? v.getUint32(stsc.start + 8 + 12 * (r + 1)) - 1 : chunkCount;
    for (let c = first; c < last && s < n; c++) {
      let at = chunkOffset(c);
      for (let k = 0; k < perChunk && s < n; k++) { offsets[s] = at; at += sizes[s]; s++; }
    }
  }

  const times = new Float64Array(n);
  const stts = child(b, stbl, 'stts');
  let dts = 0;
  s = 0;
  for (let r = 0, runsT = v.getUint32(stts.start + 4); r < runsT; r++) {
    const count = v.getUint32(stts.start + 8 + 8 * r), delta = v.getUint32(stts.start + 12 + 8 * r);
    for (let k = 0; k < count && s < n; k++) { times[s++] = dts; dts += delta; }
  }
  const ctts = child(b, stbl, 'ctts');
  if (ctts) {
    const signed = b[ctts.start] === 1;
    s = 0;
    for (let r = 0, runsC = v.getUint32(ctts.start + 4); r < runsC; r++) {
      const count = v.getUint32(ctts.start + 8 + 8 * r);
      const off = signed ? v.getInt32(ctts.start + 12 + 8 * r) : v.getUint32(ctts.start + 12 + 8 * r);
      for (let k = 0; k < count && s < n; k++) times[s++] += off;
    }
  }
  // An edit list that starts the media later shifts every time back, as players and ffmpeg do.
  let shift = 0;
  const elst = child(b, child(b, trak, 'edts'), 'elst');
  if (elst) {
    const version = b[elst.start];
    for (let r = 0, count = v.getUint32(elst.start + 4); r < count; r++) {
      const at = elst.start + 8 + r * (version === 1 ? 20 : 12);
      const mediaTime = version === 1 ? Number(v.getBigInt64(at + 8)) : v.getInt32(at + 4);
      if (mediaTime >= 0) { shift = mediaTime; break; }
    }
  }
  for (let i = 0; i < n; i++) times[i] = (times[i] - shift) / timescale;

  const keys = new Uint8Array(n);
  const stss = child(b, stbl, 'stss');
  if (stss) {
    for (let r = 0, count = v.getUint32(stss.start + 4); r < count; r++) {
      const k = v.getUint32(stss.start + 8 + 4 * r) - 1;
      if (k < n) keys[k] = 1;
    }
  } else {
    keys.fill(1);
  }
  return { ...entry, offsets, sizes, times, keys, count: n };
}

// The first video track of an MP4/MOV file, or null when the file can't be read this way.
export async function videoTrack(file) {
  try {
    const moov = await readMoov(file);
    if (!moov) return null;
    for (const trak of children(moov, 0, moov.length).filter((c) => c.type === 'trak')) {
      const track = samples(moov, trak);
      if (track) return track.unsupported ? null : track;
    }
  } catch (e) {
    return null;
  }
  return null;
}
