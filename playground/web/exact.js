// The exact engine's Web Worker: the real Go compiler and linker, compiled
// to WebAssembly by the site's build, turn a reader's program into a
// js/wasm binary. This worker only builds; the page runs the binary in a
// runner worker (runner.js), so stopping a program never throws away the
// compiled toolchain.
//
// Messages from the page:
//   {type:'init', exec, compile, link, stdlib, size, sha256, inflated, warm, tools}
//       exec: wasm_exec.js; compile, link: modules compressed with
//       brotli (a gzipped copy beside each: download); stdlib: the
//       manifest of the standard library's archives for js/wasm, one
//       file per package, the same way (generator/assets/stdlib.go);
//       size: the bytes fetched before the first build, for progress;
//       sha256: the digests of those three (the archives' are in the
//       manifest); inflated: the size of compile and link inflated.
//       warm: build a small program as soon as the tools are loaded (the
//       page asks when it starts the worker ahead of a run).
//       tools: what an earlier worker's 'ready' gave the page, instead of
//       loading the files again.
//   {type:'cold'}: a build is coming; no warm-up once loaded.
//   {type:'build', id, code}
// Answers: {type:'progress', loaded, total}, {type:'ready', ms, tools} (ms:
// when each part was ready, and ms.from: where compile and link came from,
// see compileTool), then
// {type:'warm', builds} if asked (builds: how many it made), {type:'fatal', message}, and for each build
// {type:'built', id, wasm?: ArrayBuffer, errors?: string, ms: {compile, link}}.
//
// Why warm up: browsers compile a large WebAssembly module lazily, each
// function the first time it runs, and optimise a function only once it
// has run enough, so the first build is several times slower than the
// next ones and the linker keeps speeding up over several more (in
// Chromium 156, hello world links in 2.5-3 s the first time, 1.2-1.6 s in
// the next three builds, about 1 s from the fifth). Building hello world
// WARM_BUILDS times while the reader is still typing moves that cost out
// of their runs. A build the reader asks for waits for one warm-up build
// at most: the warm-up gives way to the worker's messages between builds
// (a build never does: Go's file system here answers at once) and stops
// as soon as one is queued, or told 'cold'; the page also ends a worker
// that warms up when the reader runs a program (playground.js).
//
// A reader downloads each file once. The compiler and the linker stay in
// the browser's HTTP cache, with the machine code the browser compiled
// for them (compileTool); the manifest and the archives in the Cache API
// under their hashed names. Each is checked against the build's digest
// every time it is loaded; the compiled modules stay in this worker
// between builds.
//
// The standard library comes a package at a time: with the tools, the
// archives hello world links (the manifest's "first": fmt's closure);
// then, before each build, those of the packages the program imports and
// of everything they import, unless this worker holds them already. Each
// build gets importcfg files of its own: the linker's names every archive
// the program needs, the compiler's only those a program may import
// (never syscall/js or an internal package), so importing anything else
// fails to compile, as before.

import { MemFS } from './memfs.js';
import { runGo } from './gorun.js';
import { refuse, packageName, imports, godebug } from './guard.js';

const CACHE = 'gointernals-exact';
let ready = null;
// tools: {compile, link: WebAssembly.Module, base: Map from '/pkg/<path>.a'
// to the archives fetched so far, stdlib: the manifest}.
let tools = null;
let store = null; // {cache, sums}: see openCache
let packages = new Map(); // the manifest's archives, by import path
let queue = Promise.resolve();
let asked = 0; // the reader's builds queued or running
let cold = false; // told that the reader's first build is coming

const WARM_BUILDS = 4;

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    if (!ready) {
      // ready stays rejected when loading fails: queued builds then
      // answer with the error instead of running without tools.
      ready = msg.tools ? adopt(msg) : load(msg);
      // The page keeps the tools (compiled modules are shared, not
      // copied), so that a worker it ends while it builds is followed by
      // one that builds at once.
      ready.then(
        (ms) => self.postMessage({ type: 'ready', ms, tools: msg.tools ? undefined : tools }),
        (err) => self.postMessage({ type: 'fatal', message: String((err && err.message) || err) }),
      );
      if (msg.warm) {
        queue = queue.then(() => ready).then(warmUp).then((builds) => self.postMessage({ type: 'warm', builds }), () => {});
      }
    }
    return;
  }
  if (msg.type === 'cold') {
    cold = true; // a build of the reader's is on its way: no warm-up
    return;
  }
  if (msg.type === 'build') {
    // One build at a time: Go's file system and process are globals.
    asked++;
    queue = queue.then(() => ready).then(() => build(msg)).catch((err) => {
      self.postMessage({ type: 'built', id: msg.id, errors: String((err && err.message) || err) });
    }).finally(() => asked--);
  }
};

// adopt takes the tools an earlier worker loaded.
async function adopt({ exec, tools: kept, sha256 }) {
  importScripts(exec);
  tools = kept;
  store = await openCache(sha256);
  useManifest(tools.stdlib);
  return {};
}

async function load({ exec, compile, link, stdlib, size, sha256, inflated = {} }) {
  importScripts(exec);
  // Told a megabyte at a time for the tools downloaded (drain), once per
  // file for the rest.
  let loaded = 0;
  const progress = (n) => self.postMessage({ type: 'progress', loaded: (loaded += n), total: size });
  const t0 = performance.now();
  const ms = {};
  const done = (name) => (v) => {
    ms[name] = Math.round(performance.now() - t0);
    return v;
  };
  store = await openCache(sha256);
  const base = new Map();
  const [c, l, manifest] = await Promise.all([
    compileTool(compile, inflated, progress).then(done('compileReady')),
    compileTool(link, inflated, progress).then(done('linkReady')),
    fetchBytes(store, stdlib, 'application/json', progress)
      .then((b) => useManifest(JSON.parse(new TextDecoder().decode(b))))
      .then(async (m) => {
        await prune(store, [stdlib, ...[...packages.values()].map((p) => p.url)]);
        await fetchArchives(closure(m.first), base, progress);
        return m;
      })
      .then(done('archivesReady')),
  ]);
  tools = { compile: c.module, link: l.module, base, stdlib: manifest };
  ms.from = { compile: c.from, link: l.from };
  return ms;
}

// compileTool compiles the compiler or the linker so that the browser
// keeps the machine code for the next page: V8 caches the code of a
// module compiled with compileStreaming from a Response of the HTTP cache
// (keyed by its URL), once its hot functions are optimised, and a later
// compileStreaming of the same response reuses it. A Response made by a
// script (inflated by the page, or from the Cache API) never gets that:
// every new page compiled the tools afresh, 1.0-1.3 s more for the first
// link and as much for the first compile on 2 CPUs.
//
// The files are served compressed with Content-Encoding: br
// (generator/headers.go), so the browser decodes them and keeps the
// download in its HTTP cache; fetch's integrity checks the inflated bytes
// against the build's digest on every load. It returns {module, from}:
// from says where the module came from, for the page and its tests:
//   'cache': the HTTP cache, where the compiled code may be kept too;
//   'network': downloaded now (read once to tell the progress, then
//       compiled from the HTTP cache);
//   'inflated': a host that does not send the Content-Encoding, or a
//       digest that did not match: inflated and checked here, compiled
//       afresh on every page (an HTTP cache that kept nothing costs a
//       second download, and reports 'network').
async function compileTool(url, inflated, progress) {
  const integrity = wanted(store, url);
  try {
    const cached = fetch(url, { cache: 'only-if-cached', mode: 'same-origin', integrity });
    return { module: await WebAssembly.compileStreaming(cached), from: 'cache' };
  } catch {
    // not in the HTTP cache (or not as this deploy built it): downloaded
  }
  let counted = 0;
  const count = (n) => {
    counted += n;
    progress(n);
  };
  try {
    await drain(url, inflated[url], count);
    return { module: await WebAssembly.compileStreaming(fetch(url, { integrity })), from: 'network' };
  } catch {
    // below, the way that needs nothing of the host or the HTTP cache
  }
  const r = await fetchInflated(url, counted ? () => {} : progress);
  return { module: await WebAssembly.compileStreaming(r), from: 'inflated' };
}

// drain downloads url into the HTTP cache, telling progress the compressed
// bytes it stands for: the body is read decoded, so each chunk counts
// for its share of the Content-Length (the compressed size) by the inflated
// size the build gave.
async function drain(url, inflatedSize, progress) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  const length = Number(resp.headers.get('Content-Length')) || 0;
  const scale = length && inflatedSize ? length / inflatedSize : 1;
  const reader = resp.body.getReader();
  let read = 0;
  let told = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
    const now = Math.min(Math.round(read * scale), length || Infinity);
    if (now - told >= 1 << 20) {
      progress(now - told);
      told = now;
    }
  }
  const end = length || read;
  if (end > told) progress(end - told);
}

// openCache opens the Cache API store. It returns {cache, sums}: cache is
// null without the Cache API (an insecure origin), and files then come
// from the network each time the worker starts; sums is each file's
// expected digest, by URL (the page's data-pg-exact gives the tools' and
// the manifest's, the manifest the archives': "sha256-<base64>" of the
// file inflated).
async function openCache(sha256 = {}) {
  const sums = new Map(Object.entries(sha256).map(([u, sum]) => [new URL(u, self.location.href).href, sum]));
  if (!self.caches) return { cache: null, sums };
  try {
    return { cache: await caches.open(CACHE), sums };
  } catch {
    return { cache: null, sums };
  }
}

// prune drops the entries of earlier deploys, which keep does not name.
async function prune({ cache }, keep) {
  if (!cache) return;
  try {
    const wanted = new Set(keep.map((u) => new URL(u, self.location.href).href));
    for (const req of await cache.keys()) {
      if (!wanted.has(req.url)) await cache.delete(req);
    }
  } catch {
    // an entry left over costs space, not correctness
  }
}

// useManifest takes the archives of the manifest the page's digest
// vouched for, with their digests.
function useManifest(m) {
  if (!m || typeof m.packages !== 'object' || !Array.isArray(m.first)) throw new Error('the standard library\'s manifest is malformed');
  packages = new Map(Object.entries(m.packages));
  for (const p of packages.values()) store.sums.set(new URL(p.url, self.location.href).href, p.sha256);
  return m;
}

// closure is roots and every package they import, directly or through
// others, sorted: the archives the linker reads for a program importing
// roots. A root without an archive (a typo, a package outside the
// standard library) is left to the compiler to report.
function closure(roots) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const p = todo.pop();
    const entry = packages.get(p);
    if (!entry || seen.has(p)) continue;
    seen.add(p);
    todo.push(...(entry.imports || []));
  }
  return [...seen].sort();
}

// archivePath is where a package's archive sits in the file system Go sees.
const archivePath = (p) => `/pkg/${p}.a`;

// fetchArchives adds to base the archives of paths it does not hold yet,
// from the cache or the network, each checked against the manifest.
async function fetchArchives(paths, base, progress) {
  await Promise.all(paths.filter((p) => !base.has(archivePath(p))).map(async (p) => {
    try {
      base.set(archivePath(p), await fetchBytes(store, packages.get(p).url, 'application/octet-stream', progress));
    } catch (err) {
      throw new Error(`package ${p} could not be fetched: ${(err && err.message) || err}`);
    }
  }));
}

// fetchInflated is compileTool's way that needs nothing of the host: it
// downloads url (through the HTTP cache, where a host that does not
// decode the file leaves it compressed), inflates it or its gzipped copy
// (download), and checks it against the build's digest before it is
// compiled.
async function fetchInflated(url, progress) {
  return new Response(await download(url, progress, wanted(store, url)), { headers: { 'Content-Type': 'application/wasm' } });
}

// fetchBytes returns a file wanted as bytes (the manifest, an archive),
// from the Cache API or the network.
//
// Any script of the site's origin can write to the Cache API, so what is
// kept there is checked each time it is read, and a download before it
// is kept: the file inflated must have the digest the build gave (of the
// inflated bytes, as that is what is kept, and what a host that decodes
// the download hands over). A cached entry that fails is deleted and the
// file downloaded again; a download that fails is neither kept nor used.
async function fetchBytes(store, url, type, progress) {
  const want = wanted(store, url);
  const hit = store.cache && (await store.cache.match(url));
  if (hit) {
    const b = await hit.arrayBuffer();
    if ((await digest(b)) === want) return new Uint8Array(b);
    await store.cache.delete(url); // forged or damaged: downloaded again
  }
  const body = await download(url, progress, want);
  if (store.cache) {
    try {
      await store.cache.put(url, new Response(body, { headers: { 'Content-Type': type } }));
    } catch {
      // storage full or refused: next time it is downloaded again
    }
  }
  return new Uint8Array(body);
}

function wanted({ sums }, url) {
  const want = sums.get(new URL(url, self.location.href).href);
  if (!want) throw new Error(`${url}: no digest to check it against`);
  return want;
}

// download fetches url, inflates it if the host did not (the gzipped
// copies), checks it against want, and returns its bytes. The site serves
// these files compressed with brotli and Content-Encoding: br; a host
// that drops the header hands over bytes no DecompressionStream of
// Chromium reads, so then the gzipped copy beside the file is fetched.
// progress is told the bytes downloaded (the Content-Length, not what the
// browser decoded; nothing without one).
async function download(url, progress, want) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  const bytes = new Uint8Array(await resp.arrayBuffer());
  progress(+resp.headers.get('Content-Length'));
  const stream = new Blob([bytes]).stream();
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? stream.pipeThrough(new DecompressionStream('gzip')) : stream;
  const body = await new Response(plain).arrayBuffer();
  if ((await digest(body)) === want) return body;
  if (url.endsWith('.br')) return download(url.slice(0, -2) + 'gz', () => {}, want);
  throw new Error(`${url}: the download does not match this deploy's digest`);
}

// digest is the SHA-256 of b in Subresource Integrity's format.
async function digest(b) {
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', b));
  let bin = '';
  for (const x of sum) bin += String.fromCharCode(x);
  return `sha256-${btoa(bin)}`;
}

const WARM_UP = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("warm")\n}\n';

// warmUp returns how many builds it made.
async function warmUp() {
  let i = 0;
  for (; i < WARM_BUILDS && asked === 0 && !cold; i++) {
    await build({ id: 0, code: WARM_UP }, false);
    await new Promise((resume) => setTimeout(resume)); // messages first
  }
  return i;
}

// build compiles and links code; answer is false for the warm-up.
async function build({ id, code }, answer = true) {
  const post = answer ? (m, transfer) => self.postMessage(m, transfer) : () => {};
  const refused = refuse(code, tools.stdlib.godebug);
  if (refused) {
    post({ type: 'built', id, errors: refused, ms: {} });
    return;
  }
  let errors = '';
  const decoder = new TextDecoder(); // one per build: a cut character never leaks into the next
  // A program that imports nothing that reaches syscall (no fmt, os or
  // time) does not link syscall/js, through which alone the page can
  // have Go's runtime report a deadlock (gorun.js): one more file of the
  // program's package links it, and adds nothing the program can see.
  // The linker loads runtime for every program.
  const pkg = packageName(code);
  const need = closure([...imports(code), 'runtime', ...(pkg ? ['time'] : [])]);
  const t0 = performance.now();
  const had = tools.base.size;
  await fetchArchives(need, tools.base, () => {});
  const fetched = { archives: tools.base.size - had, ms: Math.round(performance.now() - t0) };
  const encode = (s) => new TextEncoder().encode(s);
  const importcfg = (paths) => encode(paths.map((p) => `packagefile ${p}=${archivePath(p)}\n`).join(''));
  const fs = new MemFS(new Map(need.map((p) => [archivePath(p), tools.base.get(archivePath(p))])), (fd, b) => {
    errors += decoder.decode(b, { stream: true });
  });
  fs.put('/importcfg.compile', importcfg(need.filter((p) => packages.get(p).importable)));
  fs.put('/importcfg.link', importcfg(need));
  fs.put('main.go', encode(code));
  // Named as go run names it in its messages (./main.go:4:2, and "at
  // ./main.go:5:3" inside one); the binary records the absolute path
  // either way.
  const files = ['./main.go'];
  if (pkg) {
    fs.put('playground.go', encode(`package ${pkg}\n\nimport _ "time"\n`));
    files.push('playground.go');
  }
  const ms = { fetch: fetched.ms, fetched: fetched.archives };
  let t = performance.now();
  // The flags go build gives the compiler for a main package with no
  // assembly, at the language version of the site's snippets (but -c,
  // the compiler's concurrency, whose default is GOMAXPROCS, 1 here).
  // Its importcfg names only the packages a program may import.
  let status = await runGo(tools.compile, fs, ['compile', '-o', 'main.a', '-p', 'main', '-lang=go1.26', '-complete',
    '-importcfg', '/importcfg.compile', '-pack', ...files]);
  ms.compile = Math.round(performance.now() - t);
  if (status !== 0) {
    post({ type: 'built', id, errors: errors || `compile exited with status ${status}`, ms });
    return;
  }
  t = performance.now();
  // go run runs the linker with GOROOT set, which it writes into the
  // binary: the standard library's file names in a trace
  // (/usr/local/go/src/sync/mutex.go:46, where without it the archives'
  // own "$GOROOT/src/sync/mutex.go" stayed) and runtime.GOROOT(). The
  // GOROOT of Go's Linux install (go.dev/doc/install) and of the golang
  // container images, where go run is compared: a build machine's own
  // path stays out of the site.
  // The program's //go:debug settings, as go build gives them (refuse
  // has turned away what godebug would not take).
  const { value } = godebug(code, tools.stdlib.godebug);
  status = await runGo(tools.link, fs, ['link', '-importcfg', '/importcfg.link', '-buildmode=exe', '-s', '-w',
    ...(value ? [`-X=runtime.godebugDefault=${value}`] : []), '-o', 'prog.wasm', 'main.a'], { GOROOT: '/usr/local/go' });
  ms.link = Math.round(performance.now() - t);
  const wasm = fs.get('prog.wasm');
  if (status !== 0 || !wasm) {
    post({ type: 'built', id, errors: errors || `link exited with status ${status}`, ms });
    return;
  }
  const out = wasm.slice().buffer;
  post({ type: 'built', id, wasm: out, ms }, [out]);
}
