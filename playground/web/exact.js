// The exact engine's Web Worker: the real Go compiler and linker, compiled
// to WebAssembly by the site's build, turn a reader's program into a
// js/wasm binary. This worker only builds; the page runs the binary in a
// fresh runner worker (runner.js), so stopping a program never throws
// away the compiled toolchain.
//
// Messages from the page:
//   {type:'init', exec, compile, link, pack, size}
//       exec: wasm_exec.js; compile, link: gzipped modules; pack: gzipped
//       tar of the standard-library archives and the importcfg files;
//       size: their bytes in all, for progress.
//   {type:'build', id, code}
// Answers: {type:'progress', loaded, total}, {type:'ready'},
// {type:'fatal', message}, and for each build
// {type:'built', id, wasm?: ArrayBuffer, errors?: string, ms: {compile, link}}.
//
// Files are kept in the Cache API under their hashed names, so a reader
// downloads them once; the compiled modules stay in this worker between
// builds.

import { MemFS } from './memfs.js';
import { runGo } from './gorun.js';
import { untar } from './untar.js';

const CACHE = 'gointernals-exact';
let ready = null;
let tools = null; // {compile, link: WebAssembly.Module, base: Map}
let queue = Promise.resolve();

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    if (!ready) {
      ready = load(msg).then(
        () => self.postMessage({ type: 'ready' }),
        (err) => self.postMessage({ type: 'fatal', message: String((err && err.message) || err) }),
      );
    }
    return;
  }
  if (msg.type === 'build') {
    // One build at a time: Go's file system and process are globals.
    queue = queue.then(() => ready).then(() => build(msg)).catch((err) => {
      self.postMessage({ type: 'built', id: msg.id, errors: String((err && err.message) || err) });
    });
  }
};

async function load({ exec, compile, link, pack, size }) {
  importScripts(exec);
  let loaded = 0;
  let told = 0;
  const progress = (n) => {
    loaded += n;
    if (loaded - told > 512 * 1024 || loaded === size) {
      told = loaded;
      self.postMessage({ type: 'progress', loaded, total: size });
    }
  };
  const cache = await openCache([compile, link, pack]);
  const [c, l, files] = await Promise.all([
    fetchGz(cache, compile, progress).then((s) => WebAssembly.compileStreaming(new Response(s, { headers: { 'Content-Type': 'application/wasm' } }))),
    fetchGz(cache, link, progress).then((s) => WebAssembly.compileStreaming(new Response(s, { headers: { 'Content-Type': 'application/wasm' } }))),
    fetchGz(cache, pack, progress).then((s) => new Response(s).arrayBuffer()).then((b) => untar(new Uint8Array(b))),
  ]);
  tools = { compile: c, link: l, base: files };
}

// openCache opens the Cache API store and drops entries of earlier
// deploys; without the Cache API (an insecure origin) files come from the
// network each time the worker starts.
async function openCache(keep) {
  if (!self.caches) return null;
  try {
    const cache = await caches.open(CACHE);
    const wanted = new Set(keep.map((u) => new URL(u, self.location.href).href));
    for (const req of await cache.keys()) {
      if (!wanted.has(req.url)) await cache.delete(req);
    }
    return cache;
  } catch {
    return null;
  }
}

// fetchGz returns the decompressed body of a gzipped file, from the cache
// or the network. A host that already decoded it (Content-Encoding) hands
// over the plain bytes, which pass through.
async function fetchGz(cache, url, progress) {
  let resp = cache && (await cache.match(url));
  if (!resp) {
    resp = await fetch(url);
    if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
    if (cache) await cache.put(url, resp.clone()).catch(() => {});
  }
  const bytes = new Uint8Array(await resp.arrayBuffer());
  progress(bytes.length);
  const body = new Blob([bytes]).stream();
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? body.pipeThrough(new DecompressionStream('gzip')) : body;
}

const decoder = new TextDecoder();

async function build({ id, code }) {
  let errors = '';
  const fs = new MemFS(tools.base, (fd, b) => {
    errors += decoder.decode(b, { stream: true });
  });
  fs.put('main.go', new TextEncoder().encode(code));
  const ms = {};
  let t = performance.now();
  // The flags go build gives the compiler for a main package with no
  // assembly, at the language version of the site's snippets. Its
  // importcfg names only the packages a program may import.
  let status = await runGo(tools.compile, fs, ['compile', '-o', 'main.a', '-p', 'main', '-lang=go1.26', '-complete',
    '-importcfg', '/importcfg.compile', '-pack', '-c=1', 'main.go']);
  ms.compile = Math.round(performance.now() - t);
  if (status !== 0) {
    self.postMessage({ type: 'built', id, errors: errors || `compile exited with status ${status}`, ms });
    return;
  }
  t = performance.now();
  status = await runGo(tools.link, fs, ['link', '-importcfg', '/importcfg.link', '-buildmode=exe', '-s', '-w',
    '-o', 'prog.wasm', 'main.a']);
  ms.link = Math.round(performance.now() - t);
  const wasm = fs.get('prog.wasm');
  if (status !== 0 || !wasm) {
    self.postMessage({ type: 'built', id, errors: errors || `link exited with status ${status}`, ms });
    return;
  }
  const out = wasm.slice().buffer;
  self.postMessage({ type: 'built', id, wasm: out, ms }, [out]);
}
