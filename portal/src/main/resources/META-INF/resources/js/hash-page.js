// The hashing page: files are hashed in a pool of Web Workers on this device; only hex hashes are sent.
import { HashPool } from '/js/hash-pool.js';

const root = document.getElementById('hasher');
const t = root.dataset;
const list = document.getElementById('file-list');
const overall = document.getElementById('overall');
const message = document.getElementById('submit-message');
const submit = document.getElementById('submit-hashes');
const input = document.getElementById('file-input');
const drop = document.getElementById('drop-zone');
root.hidden = false;

const pool = new HashPool({ onMessage: (event) => received(event) });
const entries = new Map();   // id -> {file, state, result, progress, el}
let nextId = 1;
// One per set of hashes, so a retry returns the same case. It is the secret that opens the server's
// stored answer, so it lives in this variable only: never in storage, a cookie or the address.
let idempotencyKey = null;
let created = null;          // {number, key} once the first request made the case; later parts add to it

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function addFiles(files) {
  for (const file of files) {
    const id = nextId++;
    const li = el('li', { 'data-id': String(id) });
    li.append(el('span', { class: 'name' }, file.name));
    const bar = el('progress', { max: '100', value: '0', 'aria-label': file.name });
    const state = el('p', { class: 'state' }, t.tWorking);
    const remove = el('button', { type: 'button', class: 'remove' }, t.tRemove);
    remove.addEventListener('click', () => { pool.cancel(id); entries.delete(id); li.remove(); idempotencyKey = null; update(); });
    li.append(bar, state, remove);
    list.append(li);
    entries.set(id, { file, state: 'queued', result: null, progress: 0, li, bar, stateEl: state });
    pool.add(id, file);
  }
  idempotencyKey = null;
  update();
}

// A worker's progress, result or error for a file still in the list (the pool sends no others).
const received = (event) => {
  const { type, id } = event.data;
  const entry = entries.get(id);
  if (!entry) { update(); return; }
  if (type === 'progress') {
    entry.progress = event.data.fraction;
    if (event.data.seconds !== undefined) entry.stateEl.textContent = t.tVideoProgress.replace('#', event.data.seconds);
  } else if (type === 'done') {
    const r = event.data.result;
    entry.state = 'done';
    entry.progress = 1;
    entry.result = r;
    const notes = { 'low-quality': t.tLowQuality, 'not-decoded': t.tNotDecoded, 'video-not-decoded': t.tVideoNotDecoded,
      'video-long': t.tVideoLong };
    entry.stateEl.textContent = notes[r.note] || (r.vpdq ? t.tVideoDone.replace('#', r.vpdq.length) : t.tDone);
    const details = el('details');
    details.append(el('summary', {}, t.tDetails));
    const md5 = el('p'); md5.append('MD5: ', el('code', { class: 'md5' }, r.md5));
    details.append(md5);
    if (r.pdq) { const p = el('p'); p.append(`PDQ (${r.quality}): `, el('code', { class: 'pdq' }, r.pdq)); details.append(p); }
    if (r.vpdq) {
      const p = el('p');
      p.append('vPDQ: ', el('code', { class: 'vpdq', 'data-frames': JSON.stringify(r.vpdq), 'data-decoder': r.decoder }, String(r.vpdq.length)));
      details.append(p);
    }
    entry.li.append(details);
  } else {
    entry.state = 'error';
    entry.progress = 1;
    entry.stateEl.textContent = t.tError;
    entry.stateEl.className = 'state error';
  }
  update();
};

function update() {
  let sum = 0;
  for (const e of entries.values()) { e.bar.value = Math.round(e.progress * 100); sum += e.progress; }
  overall.value = entries.size ? Math.round((sum / entries.size) * 100) : 0;
  const working = [...entries.values()].some((e) => e.state === 'queued' || e.state === 'working');
  submit.disabled = working;
}

// The hashed files not yet sent, each with its item for the API.
function items() {
  return [...entries.values()].filter((e) => e.state === 'done' && !e.sent).map((entry) => {
    const r = entry.result;
    const usePdq = r.pdq && r.quality >= 50;
    const item = { kind: r.kind, md5: r.md5, pdq: usePdq ? r.pdq : null, pdqQuality: usePdq ? r.quality : null };
    if (r.vpdq && r.vpdq.length) item.vpdq = r.vpdq;
    return { entry, item };
  });
}

// A v4 UUID: 122 random bits, enough for the server (22+ base64url characters or a UUID).
function newIdempotencyKey() {
  const key = crypto.randomUUID();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key)) throw new Error('no UUID');
  return key;
}

// Requests of at most 100 items, and under the server's body limits: 256 KiB, or 1 MiB with video frames.
function batches(all) {
  const out = [];
  let current = [], size = 0;
  for (const part of all) {
    const bytes = JSON.stringify(part.item).length + 1;
    const frames = current.some((p) => p.item.vpdq) || part.item.vpdq;
    const limit = frames ? 1000 * 1000 : 250 * 1000;
    if (current.length && (current.length === 100 || size + bytes > limit)) { out.push(current); current = []; size = 0; }
    current.push(part);
    size += bytes;
  }
  if (current.length) out.push(current);
  return out;
}

async function send(url, body, headers) {
  const res = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body), credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store',
  });
  if (!res.ok) {
    const error = new Error(String(res.status));
    if (res.status === 400) error.item = await res.json().then((p) => p.item, () => undefined);
    throw error;
  }
  return res.json();
}

// Marks the file the server refused (a hash of no picture, such as an empty file's) next to its name.
function markRefused(entry) {
  entry.state = 'refused';
  entry.stateEl.textContent = t.tRefused;
  entry.stateEl.className = 'state error';
}

submit.addEventListener('click', async () => {
  const all = items();
  if (!all.length) { message.textContent = t.tNothing; return; }
  submit.disabled = true;
  message.textContent = t.tSending;
  if (!idempotencyKey) idempotencyKey = newIdempotencyKey();
  let part = null;
  try {
    if (t.caseNumber) created = { number: t.caseNumber, key: t.caseKey };
    const parts = batches(all);
    if (!created) {
      part = parts.shift();
      const answer = await send('/api/cases', { items: part.map((p) => p.item) }, { 'Idempotency-Key': idempotencyKey });
      created = { number: answer.caseNumber, key: answer.caseKey };
      part.forEach((p) => { p.entry.sent = true; });
    }
    for (part of parts) {
      await send(`/api/cases/${encodeURIComponent(created.number)}/items`, { items: part.map((p) => p.item) },
        { 'X-Case-Key': created.key });
      part.forEach((p) => { p.entry.sent = true; });
    }
    showReceipt(created.number, created.key, Boolean(t.caseNumber));
  } catch (e) {
    const refused = part && Number.isInteger(e.item) ? part[e.item] : null;
    if (refused) markRefused(refused.entry);
    message.textContent = refused ? t.tRefusedSome : t.tSendFailed;
    submit.disabled = false;
  }
});

function showReceipt(number, key, added) {
  root.hidden = true;
  const receipt = document.getElementById('receipt');
  document.getElementById('case-number').textContent = number;
  document.getElementById('case-key').textContent = key.match(/.{1,5}/g).join('-');
  if (added) receipt.prepend(el('p', { id: 'added', role: 'status' }, t.tAdded));
  receipt.hidden = false;
  receipt.focus();
}

input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); addFiles(e.dataTransfer.files); });
update();
