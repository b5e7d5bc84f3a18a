// Loads /js/pdq.wasm, the hasher's PDQ (org.takeitdown.hasher.wasm.PdqWasmExports) compiled to WebAssembly
// (GC) by TeaVM, and gives it a small API: `pixels(count)` is room for count RGBA pixels (a Uint8ClampedArray
// inside the module's memory) to draw into, `pdq(width, height)` hashes them as { hash, quality }, exactly
// as hasher.js's pdq does. The module exchanges numbers only, so it needs a few of TeaVM's imports, given
// here, and none of its JavaScript interop: TeaVM's own loader builds functions from strings (new Function),
// which the portal's policy forbids. Rejects where the browser has no WebAssembly GC.

// The module's memory holds one block of pixels (at most maxPixels() words, 64 MiB) and its allocator's
// bookkeeping; it may grow to this and no further.
const MAX_MEMORY_BYTES = 80 * 1024 * 1024;
const PAGE = 64 * 1024;

function memoryRequirements(module) {
  const sections = WebAssembly.Module.customSections(module, 'teavm.memoryRequirements');
  return sections.length ? JSON.parse(new TextDecoder().decode(sections[0])) : {};
}

export async function loadPdq(url = '/js/pdq.wasm') {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`pdq.wasm: ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  const { min = 1, dataSize = 0 } = memoryRequirements(module);
  // The allocator's heap starts after the module's data, on a 256-byte boundary, as TeaVM lays it out.
  const heapOffset = Math.ceil(Math.max(dataSize, 1) / 256) * 256;
  const memory = new WebAssembly.Memory({ initial: Math.max(min, Math.ceil(heapOffset / PAGE) + 1),
    maximum: MAX_MEMORY_BYTES / PAGE });
  const { exports: e } = await WebAssembly.instantiate(module, {
    env: { memory },
    teavmMemory: {
      heapOffset: new WebAssembly.Global({ value: 'i32', mutable: false }, heapOffset),
      maxSize: new WebAssembly.Global({ value: 'i32', mutable: false }, MAX_MEMORY_BYTES),
      notifyHeapResized: () => {},
    },
    teavm: { takeStackTrace: () => null, decorateException: () => {} },
    teavmDate: { currentTimeMillis: () => Date.now() },
    // Strings stay inside the module (digits cross one by one), in TeaVM's own representation. The one
    // function body the module asks for at start is the identity (its string conversion, `return str;`):
    // made here without evaluating text; any other body is refused.
    teavmJso: {
      stringBuiltinsSupported: () => false,
      createFunction1: (param, body) => {
        if (String(body).trim() !== `return ${param};`) throw new Error(`pdq.wasm: unexpected function body ${body}`);
        return (value) => value;
      },
      callFunction1: (fn, value) => fn(value),
    },
    'wasm:js-string': {
      fromCharCode: (code) => String.fromCharCode(code),
      concat: (a, b) => a + b,
      substring: (s, start, end) => s.substring(start, end),
      fromCharCodeArray: () => { throw new Error('pdq.wasm: fromCharCodeArray is not available in this loader'); },
    },
  });
  const maxPixels = e.maxPixels();
  return {
    maxPixels,
    // Room for count pixels, valid until the next call; null when count is over maxPixels or memory is short.
    pixels(count) {
      const at = e.pixels(count);
      return at ? new Uint8ClampedArray(memory.buffer, at, count * 4) : null;
    },
    pdq(width, height) {
      const quality = e.pdq(width, height);
      if (quality < 0) throw new Error(`pdq.wasm: ${width}x${height} is not the room asked for`);
      let hash = '';
      for (let i = 0; i < 64; i++) hash += String.fromCharCode(e.hashDigit(i));
      return { hash, quality };
    },
  };
}
