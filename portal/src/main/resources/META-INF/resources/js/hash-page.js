// The hashing page: files are hashed in a Web Worker on this device; only hex hashes are sent.
const root = document.getElementById('hasher');
const t = root.dataset;
const list = document.getElementById('file-list');
const overall = document.getElementById('overall');
const message = document.getElementById('submit-message');
const submit = document.getElementById('submit-hashes');
const input = document.getElementById('file-input');
const drop = document.getElementById('drop-zone');
root.hidden = false;

const worker = new Worker('/js/hash-worker.js', { type: 'module' });
const entries = new Map();   // id -> {file, state, result, progress, el}
const queue = [];
let busy = false;
let nextId = 1;
let idempotencyKey = null;   // one per set of hashes, so a retry returns the same case

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
    remove.addEventListener('click', () => { entries.delete(id); li.remove(); idempotencyKey = null; update(); });
    li.append(bar, state, remove);
    list.append(li);
    entries.set(id, { file, state: 'queued', result: null, progress: 0, li, bar, stateEl: state });
    queue.push(id);
  }
  idempotencyKey = null;
  pump();
  update();
}

function pump() {
  while (!busy && queue.length) {
    const id = queue.shift();
    const entry = entries.get(id);
    if (!entry) continue;
    busy = true;
    entry.state = 'working';
    worker.postMessage({ id, file: entry.file });
  }
}

worker.onmessage = (event) => {
  const { type, id } = event.data;
  const entry = entries.get(id);
  if (type !== 'progress') { busy = false; pump(); }
  if (!entry) { update(); return; }
  if (type === 'progress') {
    entry.progress = event.data.fraction;
  } else if (type === 'done') {
    const r = event.data.result;
    entry.state = 'done';
    entry.progress = 1;
    entry.result = r;
    entry.stateEl.textContent = r.note === 'low-quality' ? t.tLowQuality : r.note === 'not-decoded' ? t.tNotDecoded : t.tDone;
    const details = el('details');
    details.append(el('summary', {}, t.tDetails));
    const md5 = el('p'); md5.append('MD5: ', el('code', { class: 'md5' }, r.md5));
    details.append(md5);
    if (r.pdq) { const p = el('p'); p.append(`PDQ (${r.quality}): `, el('code', { class: 'pdq' }, r.pdq)); details.append(p); }
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

function items() {
  return [...entries.values()].filter((e) => e.state === 'done').map(({ result: r }) => {
    const usePdq = r.pdq && r.quality >= 50;
    return { kind: r.kind, md5: r.md5, pdq: usePdq ? r.pdq : null, pdqQuality: usePdq ? r.quality : null };
  });
}

async function send(url, body, headers) {
  const res = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body), credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store',
  });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}

submit.addEventListener('click', async () => {
  const all = items();
  if (!all.length) { message.textContent = t.tNothing; return; }
  submit.disabled = true;
  message.textContent = t.tSending;
  if (!idempotencyKey) idempotencyKey = crypto.randomUUID();
  try {
    let number = t.caseNumber, key = t.caseKey;
    let rest = all;
    if (!number) {
      const created = await send('/api/cases', { items: all.slice(0, 100) }, { 'Idempotency-Key': idempotencyKey });
      number = created.caseNumber; key = created.caseKey;
      rest = all.slice(100);
    }
    for (let i = 0; i < rest.length; i += 100) {
      await send(`/api/cases/${encodeURIComponent(number)}/items`, { items: rest.slice(i, i + 100) }, { 'X-Case-Key': key });
    }
    showReceipt(number, key, Boolean(t.caseNumber));
  } catch (e) {
    message.textContent = t.tSendFailed;
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
