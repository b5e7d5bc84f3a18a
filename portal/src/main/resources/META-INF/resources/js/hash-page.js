// The hashing page: files are hashed in a pool of Web Workers on this device; only hex hashes are sent.
import { HashPool } from '/js/hash-pool.js';

const root = document.getElementById('hasher');
const t = root.dataset;
const list = document.getElementById('file-list');
const overall = document.getElementById('overall');
const message = document.getElementById('submit-message');
const submit = document.getElementById('submit-hashes');
const input = document.getElementById('file-input');
const inputAny = document.getElementById('file-input-any');
const drop = document.getElementById('drop-zone');
root.hidden = false;

// The server's rules, rendered into the page from the code and the running configuration that enforce
// them (report/HashPageResource).
const rules = {
  pdqMinQuality: Number(t.pdqMinQuality), itemsPerRequest: Number(t.itemsPerRequest),
  bodyLimit: Number(t.bodyLimit), framesBodyLimit: Number(t.framesBodyLimit),
  siteWideLimits: (t.siteWideLimits || '').split(' '),
  dailyLimits: (t.dailyLimits || '').split(' '),
  refusedMd5s: new Set((t.refusedMd5s || '').split(' ').filter(Boolean)),
};
const pool = new HashPool({ onMessage: (event) => received(event) });
const entries = new Map();   // id -> {file, state, result, progress, md5, li, bar, stateEl}, in the order picked
let nextId = 1;
// One per set of hashes, so a retry returns the same case. It is the secret that opens the server's
// stored answer, so it lives in this variable only: never in storage, a cookie or the address.
let idempotencyKey = null;
let created = null;          // {number, key} once the first request made the case; later parts add to it
// A send is in flight: Send stays disabled and the list can't change until its answer (or failure) arrives.
let sending = false;
// The last send's outcome is unknown (no answer, or a server error): the case may exist. The list stays as it
// was sent until a Send repeats that same body under the same Idempotency-Key, which returns the case if it
// was made, so a changed list can never make a second case.
let unsettled = false;
// The case refused more files for good (409: withdrawn, or full): no retry is offered.
let closed = false;
// Files the case already held when they were added (the server keeps each MD5 once per case): nothing to do.
let alreadyIn = 0;
// Adding to a case: its number and key, read once; the key is then taken out of the page's markup.
const given = t.caseNumber ? { number: t.caseNumber, key: canonicalKey(t.caseKey) } : null;
delete root.dataset.caseKey;

// A case key as typed or shown (any case, with or without dashes or spaces): its bare characters.
function canonicalKey(key) {
  return String(key).replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

// A key shown in even groups of at most five, none of a single character: 26 → 5-5-4-4-4-4.
function groupKey(key) {
  const bare = canonicalKey(key);
  const groups = Math.ceil(bare.length / 5);
  const out = [];
  let at = 0;
  for (let g = 0; g < groups; g++) {
    const size = Math.ceil((bare.length - at) / (groups - g));
    out.push(bare.slice(at, at + size));
    at += size;
  }
  return out.join('-');
}

// A message with a number: the page renders one form per plural category of its language (CLDR, the same
// rules the server uses), with "#" where the number goes; Intl.PluralRules picks the form.
const lang = document.documentElement.lang || 'en';
const plurals = new Intl.PluralRules(lang);
const numbers = new Intl.NumberFormat(lang);
function counted(name, n) {
  const category = plurals.select(n);
  const form = t[name + category[0].toUpperCase() + category.slice(1)] ?? t[name + 'Other'];
  return form.replace('#', numbers.format(n));
}

// "N seconds so far".
function videoProgress(seconds) {
  return counted('tVideoProgress', Number(seconds));
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// Whether the list must stay as it is: a send is in flight, or its outcome is still unknown.
function listLocked() {
  return sending || unsettled;
}

// Says why the list can't change now.
function sayLocked() {
  message.textContent = sending ? t.tSending : t.tUnsure;
}

function addFiles(files) {
  if (listLocked()) { sayLocked(); return; }
  for (const file of files) {
    const id = nextId++;
    const li = el('li', { 'data-id': String(id) });
    // Each row's buttons name their file to a screen reader (as their description): not ten alike "Remove"s.
    const name = `file-name-${id}`;
    li.append(el('span', { class: 'name', id: name }, file.name));
    const bar = el('progress', { max: '100', value: '0', 'aria-label': file.name });
    const state = el('p', { class: 'state' }, t.tWorking);
    const remove = el('button', { type: 'button', class: 'remove', 'aria-describedby': name }, t.tRemove);
    remove.addEventListener('click', () => { if (listLocked()) sayLocked(); else removeEntry(id); });
    li.append(bar, state, remove);
    list.append(li);
    const entry = { file, state: 'queued', result: null, progress: 0, li, bar, stateEl: state };
    entries.set(id, entry);
    if (file.size === 0) leaveOut(entry); else pool.add(id, file);
  }
  idempotencyKey = null;
  update();
}

// Takes a file out of the list and stops its hashing at once.
function removeEntry(id) {
  pool.cancel(id);
  const entry = entries.get(id);
  entries.delete(id);
  if (entry) entry.li.remove();
  idempotencyKey = null;
  update();
}

// A file the server would refuse for certain (empty, or its MD5 is that of no one's picture) is left out at
// once: it stays in the list with a calm note, is never sent or counted, and Send can't fail for it.
function leaveOut(entry) {
  entry.state = 'left-out';
  entry.progress = 1;
  entry.stateEl.textContent = t.tLeftOut;
  entry.stateEl.className = 'state left-out';
}

// A file whose MD5 is that of another file in the list is the same file picked twice: the one picked later
// is dropped (its hashing stopped at once), so the list shows each file once, in the order first picked.
// A twin whose hashing failed is dropped instead, unannounced: the teen may be picking it again to retry.
function dropIfPickedTwice(id) {
  const md5 = entries.get(id).md5;
  const twin = [...entries.keys()].find((other) => other !== id && entries.get(other).md5 === md5);
  if (twin === undefined) return;
  if (entries.get(twin).state === 'error') { removeEntry(twin); return; }
  removeEntry(Math.max(id, twin));
  message.textContent = t.tAlreadyAdded;
}

// A worker's progress, MD5, result or error for a file still in the list (the pool sends no others).
const received = (event) => {
  const { type, id } = event.data;
  const entry = entries.get(id);
  if (!entry) { update(); return; }
  if (type === 'md5') {
    entry.md5 = event.data.md5;
    dropIfPickedTwice(id);
    if (entries.has(id) && rules.refusedMd5s.has(entry.md5)) {
      pool.cancel(id);
      leaveOut(entry);
      update();
    }
    return;
  }
  if (type === 'progress') {
    entry.progress = event.data.fraction;
    if (event.data.seconds !== undefined) entry.stateEl.textContent = videoProgress(event.data.seconds);
  } else if (type === 'done') {
    const r = event.data.result;
    entry.state = 'done';
    entry.progress = 1;
    entry.result = r;
    const notes = { 'low-quality': t.tLowQuality, 'not-decoded': t.tNotDecoded, 'other-kind': t.tOtherKind, 'video-not-decoded': t.tVideoNotDecoded,
      'video-long': t.tVideoLong };
    entry.stateEl.textContent = notes[r.note] || (r.vpdq ? t.tVideoDone.replace('#', r.vpdq.length) : t.tDone);
    const details = el('details');
    details.append(el('summary', { 'aria-describedby': `file-name-${entry.li.dataset.id}` }, t.tDetails));
    const md5 = el('p'); md5.append('MD5: ', el('code', { class: 'md5' }, r.md5));
    details.append(md5);
    if (r.pdq) { const p = el('p'); p.append(`PDQ (${r.quality}): `, el('code', { class: 'pdq', 'data-build': r.pdqBuild, 'data-decode': r.decodePath }, r.pdq)); details.append(p); }
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
  submit.disabled = working || sending || closed;
  const locked = listLocked();
  for (const picker of [input, inputAny]) picker.disabled = locked;
  for (const remove of list.querySelectorAll('.remove')) remove.disabled = locked;
  drop.classList.toggle('locked', locked);
}

// The hashed files not yet sent, each with its item for the API.
function items() {
  return [...entries.values()].filter((e) => e.state === 'done' && !e.sent).map((entry) => {
    const r = entry.result;
    const usePdq = r.pdq && r.quality >= rules.pdqMinQuality;
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

// A request's body around its items, {"items":[...]}: the items' JSON is ASCII only (kinds, hex, numbers),
// so a body's length in characters is its size in bytes.
const ENVELOPE = JSON.stringify({ items: [] }).length;

// Requests of at most rules.itemsPerRequest items, each body within the server's limits: rules.bodyLimit
// bytes, or rules.framesBodyLimit when it carries video frames.
function batches(all) {
  const out = [];
  let current = [], size = ENVELOPE;
  for (const part of all) {
    const bytes = JSON.stringify(part.item).length + 1;   // the item and the comma before the next
    const frames = current.some((p) => p.item.vpdq) || part.item.vpdq;
    const limit = frames ? rules.framesBodyLimit : rules.bodyLimit;
    if (current.length && (current.length === rules.itemsPerRequest || size + bytes > limit)) {
      out.push(current);
      current = [];
      size = ENVELOPE;
    }
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
    error.status = res.status;
    if (res.status === 429) {
      error.retryAfter = retryAfterSeconds(res.headers.get('Retry-After'));
      error.limit = await res.json().then((p) => p.limit, () => undefined);
    }
    if (res.status === 400) error.item = await res.json().then((p) => p.item, () => undefined);
    throw error;
  }
  return res.json();
}

// Retry-After as seconds: a number of seconds or an HTTP date; null when absent or unreadable.
function retryAfterSeconds(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

// What to say when the server asks to wait: about how many minutes, rounded up, and why: the portal is busy
// (a site-wide limit), or many tries came from this network, which others may share (any other limit). A
// daily limit waits until midnight UTC: over an hour, that is said in hours, rounded up, and as today's.
function tooManyMessage(seconds, limit) {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  if (rules.dailyLimits.includes(limit) && minutes > 60) return counted('tTooManyToday', Math.ceil(minutes / 60));
  return counted(rules.siteWideLimits.includes(limit) ? 'tTooManyBusy' : 'tTooMany', minutes);
}

// Marks the file the server refused (a hash of no picture, such as an empty file's) next to its name.
function markRefused(entry) {
  entry.state = 'refused';
  entry.stateEl.textContent = t.tRefused;
  entry.stateEl.className = 'state error';
}

// Whether a failed request may still have been carried out: no answer came (no status), or a server error.
function outcomeUnknown(error) {
  return !error.status || error.status >= 500;
}

// Files in the case, and files hashed but not in it yet.
function counts() {
  const done = [...entries.values()].filter((e) => e.state === 'done');
  return { sent: done.filter((e) => e.sent).length, left: done.filter((e) => !e.sent).length };
}

// The receipt's line about the files sent after the case was made: progress, or what is left and why.
function sayRest(text, retry) {
  const { sent, left } = counts();
  restMessage.textContent = left ? `${text} ${t.tFilesIn} ${numbers.format(sent)}. ${t.tFilesLeft} ${numbers.format(left)}.`
    : `${t.tRestDone} ${t.tFilesIn} ${numbers.format(sent)}.`;
  rest.hidden = false;
  sendRest.hidden = !retry || !left;
  sendRest.disabled = sending;
}

// Sends the hashed files not sent yet: a new case from the first part (its receipt shows at once), then the
// rest as additions to it. Additions are safe to repeat: the server keeps each MD5 once per case.
async function sendNow() {
  if (sending || closed) return;
  const all = items();
  if (!all.length) { message.textContent = entries.size && [...entries.values()].every(notIn) ? t.tNothingReadable : t.tNothing; return; }
  // A device that knows it has no connection sends nothing, and says so plainly: nothing left, the list can change.
  if (navigator.onLine === false) {
    if (!rest.hidden) sayRest(t.tOfflineSend, true); else message.textContent = t.tOfflineSend;
    (rest.hidden ? message : restMessage).focus();
    return;
  }
  sending = true;
  update();
  if (!rest.hidden) sayRest(t.tRestSending, false); else message.textContent = t.tSending;
  if (!idempotencyKey) idempotencyKey = newIdempotencyKey();
  let part = null;
  try {
    if (given) created = given;
    const parts = batches(all);
    if (!created) {
      part = parts.shift();
      const answer = await send('/api/cases', { items: part.map((p) => p.item) }, { 'Idempotency-Key': idempotencyKey });
      created = { number: answer.caseNumber, key: answer.caseKey };
      part.forEach((p) => { p.entry.sent = true; });
      unsettled = false;
      showReceipt(created.number, created.key, false);
      if (parts.length) sayRest(t.tRestSending, false);
    }
    for (part of parts) {
      const added = await send(`/api/cases/${encodeURIComponent(created.number)}/items`,
        { items: part.map((p) => p.item) }, { 'X-Case-Key': created.key });
      part.forEach((p) => { p.entry.sent = true; });
      unsettled = false;
      alreadyIn += added.alreadyInCase || 0;
      sayAlreadyIn();
      if (!rest.hidden) sayRest(t.tRestSending, false);
    }
    sending = false;
    if (!shown) showReceipt(created.number, created.key, Boolean(t.caseNumber));
    else if (!rest.hidden) sayRest(t.tRestSending, false);
  } catch (e) {
    sending = false;
    failed(e, part);
  }
  update();
}

// Says what went wrong with a send, and whether (and how) to try again.
function failed(e, part) {
  const refused = part && Number.isInteger(e.item) ? part[e.item] : null;
  if (refused) markRefused(refused.entry);
  if (outcomeUnknown(e)) unsettled = true;
  else if (e.status !== 429) unsettled = false;
  if (!created && !unsettled && e.status !== 429) idempotencyKey = null;   // nothing was made: a new body, a new key
  closed = created !== null && e.status === 409;
  let text;
  if (closed) text = t.tClosed;
  else if (refused) text = t.tRefusedSome;
  else if (e.status === 429) text = tooManyMessage(e.retryAfter, e.limit);
  else if (unsettled) text = t.tUnsure;
  else text = t.tSendFailed;
  if (!rest.hidden) {
    sayRest(closed ? text : (e.status === 429 ? text : t.tRestFailed), !closed);
    restMessage.focus();
  } else {
    message.textContent = text;
    message.focus();
  }
}

submit.addEventListener('click', sendNow);

// The receipt: the number and key, ways to keep them, and a warning before leaving until "I saved
// my key" is ticked. The key lives only in this page's text: never in the address, history.state or storage.
const receipt = document.getElementById('receipt');
const savedBox = document.getElementById('saved-key');
const copyStatus = document.getElementById('copy-status');
const rest = document.getElementById('rest');
const restMessage = document.getElementById('rest-message');
const sendRest = document.getElementById('send-rest');
let shown = null;            // {number, key} while the receipt shows them

// The receipt's line about files the case already held, once there are any.
function sayAlreadyIn() {
  if (!alreadyIn) return;
  const line = document.getElementById('already-in');
  line.textContent = t.tAlreadyIn.replace('#', numbers.format(alreadyIn));
  line.hidden = false;
}

// Whether a picked file won't be in the case: it couldn't be read, was left out, or was refused.
function notIn(entry) {
  return ['error', 'left-out', 'refused'].includes(entry.state);
}

// The receipt's line about the picked files that are not in the case, so that "We got the hashes of your files" is
// never read as "all of them".
function sayNotIn() {
  const count = [...entries.values()].filter(notIn).length;
  const line = document.getElementById('not-in');
  line.textContent = `${t.tNotIn} ${numbers.format(count)}.`;
  line.hidden = !count;
}

// The choosing part (its heading included) gives way to the receipt, whose heading says what happened and
// takes the focus, and names the page in the title too.
function showReceipt(number, key, added) {
  root.hidden = true;
  document.getElementById('choosing').hidden = true;
  shown = { number, key: groupKey(key) };
  document.getElementById('case-number').textContent = shown.number;
  document.getElementById('case-key').textContent = shown.key;
  if (added) document.getElementById('same-key').hidden = false;
  sayNotIn();
  receipt.hidden = false;
  document.title = receipt.dataset.title;
  receipt.scrollIntoView({ block: 'start' });
  document.getElementById('receipt-title').focus({ preventScroll: true });
}

// Whether a picked file is still in the list, hashing or hashed, and not sent yet.
function unsent() {
  return [...entries.values()].some((e) => !e.sent && (e.state === 'queued' || e.state === 'done'));
}

// Leaving (Back, a reload, a link, closing the tab) asks first while picked files are not sent, and then until
// the key is saved; Quick exit never asks.
let leaving = false;         // the person was asked below and chose to leave: not asked again
function warnBeforeLeaving(event) {
  if (leaving || (!unsent() && (!shown || savedBox.checked))) return;
  event.preventDefault();
  event.returnValue = '';
}
window.addEventListener('beforeunload', warnBeforeLeaving);
window.addEventListener('quickexit', () => window.removeEventListener('beforeunload', warnBeforeLeaving));

// Safari on iOS never asks before a page is left (it has no beforeunload), so a link took picked files that were not sent
// yet, or the receipt's number and key, away at once, for good. So a link away from this page asks first, in the page's
// own words, as leaving does above (flow.js's "leaving" event, which comes only when the link will be followed).
window.addEventListener('leaving', (event) => {
  const question = shown && !savedBox.checked ? t.tLeaveKey : unsent() ? t.tLeaveUnsent : null;
  if (!question) return;
  if (window.confirm(question)) leaving = true; else event.preventDefault();
});

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = t.tCopied;
  } catch (e) {
    copyStatus.textContent = t.tCopyFailed;
  }
}
document.getElementById('copy-number').addEventListener('click', () => { if (shown) copy(shown.number); });
document.getElementById('copy-key').addEventListener('click', () => { if (shown) copy(shown.key); });

// A small text file made here, with a neutral name; nothing is sent anywhere.
document.getElementById('save-file').addEventListener('click', () => {
  if (!shown) return;
  const text = `${t.tNumber}: ${shown.number}\r\n${t.tKey}: ${shown.key}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = el('a', { href: url, download: 'notes.txt', hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
document.getElementById('print-key').addEventListener('click', () => window.print());

// Leaving the page wipes the number and key from it, so the back/forward cache can't show them again.
window.addEventListener('pagehide', () => {
  shown = null;
  created = null;
  idempotencyKey = null;
  for (const id of ['case-number', 'case-key']) document.getElementById(id).textContent = '';
  receipt.hidden = true;
});
// Shown again from the back/forward cache after that wipe, the page starts afresh rather than blank.
window.addEventListener('pageshow', (event) => { if (event.persisted && !shown && root.hidden) location.reload(); });

input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
inputAny.addEventListener('change', () => { addFiles(inputAny.files); inputAny.value = ''; });
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); addFiles(e.dataTransfer.files); });
sendRest.addEventListener('click', sendNow);
update();
