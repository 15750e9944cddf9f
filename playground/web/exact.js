// The exact engine's Web Worker: the real Go compiler and linker, compiled
// to WebAssembly by the site's build, turn a reader's program into a
// js/wasm binary. This worker only builds; the page runs the binary in a
// runner worker (runner.js), so stopping a program never throws away the
// compiled toolchain.
//
// Messages from the page:
//   {type:'init', exec, compile, link, stdlib, size, sha256, warm, tools}
//       exec: wasm_exec.js; compile, link: gzipped modules; stdlib: the
//       manifest of the standard library's archives for js/wasm, one
//       gzipped file per package (generator/assets/stdlib.go);
//       size: the bytes fetched before the first build, for progress;
//       sha256: the digests of those three (the archives' are in the
//       manifest).
//       warm: build a small program as soon as the tools are loaded (the
//       page asks when it starts the worker ahead of a run).
//       tools: what an earlier worker's 'ready' gave the page, instead of
//       loading the files again.
//   {type:'build', id, code}
// Answers: {type:'progress', loaded, total}, {type:'ready', ms, tools}, then
// {type:'warm'} if asked, {type:'fatal', message}, and for each build
// {type:'built', id, wasm?: ArrayBuffer, errors?: string, ms: {compile, link}}.
//
// Why warm up: browsers compile a large WebAssembly module lazily, each
// function the first time it runs, and optimise a function only once it
// has run enough, so the first build is several times slower than the
// next ones and the linker keeps speeding up over several more (in
// Chromium 156, hello world links in 2.5-3 s the first time, 1.2-1.6 s in
// the next three builds, about 1 s from the fifth). Building hello world
// WARM_BUILDS times while the reader is still typing moves that cost out
// of their runs; a build the reader asks for waits for one warm-up build
// at most, since the warm-up stops as soon as one is queued.
//
// Files are kept in the Cache API under their hashed names, so a reader
// downloads them once, and checked against the build's digests each time
// they are loaded (fetchInflated); the compiled modules stay in this
// worker between builds.
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
import { refuse, packageName, imports } from './guard.js';

const CACHE = 'gointernals-exact';
let ready = null;
// tools: {compile, link: WebAssembly.Module, base: Map from '/pkg/<path>.a'
// to the archives fetched so far, stdlib: the manifest}.
let tools = null;
let store = null; // {cache, sums}: see openCache
let packages = new Map(); // the manifest's archives, by import path
let queue = Promise.resolve();
let asked = 0; // the reader's builds queued or running

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
        queue = queue.then(() => ready).then(warmUp).then(() => self.postMessage({ type: 'warm' }), () => {});
      }
    }
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

async function load({ exec, compile, link, stdlib, size, sha256 }) {
  importScripts(exec);
  // Told once per file downloaded (each is megabytes).
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
    fetchInflated(store, compile, 'application/wasm', progress).then(done('compileFetched')).then((r) => WebAssembly.compileStreaming(r)).then(done('compileReady')),
    fetchInflated(store, link, 'application/wasm', progress).then(done('linkFetched')).then((r) => WebAssembly.compileStreaming(r)).then(done('linkReady')),
    fetchBytes(store, stdlib, 'application/json', progress)
      .then((b) => useManifest(JSON.parse(new TextDecoder().decode(b))))
      .then(async (m) => {
        await prune(store, [compile, link, stdlib, ...[...packages.values()].map((p) => p.url)]);
        await fetchArchives(closure(m.first), base, progress);
        return m;
      })
      .then(done('archivesReady')),
  ]);
  tools = { compile: c, link: l, base, stdlib: manifest };
  return ms;
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

// fetchInflated returns a file's inflated contents as a Response. The
// site serves it gzipped (so the download is that size whatever the
// host's compression; a host that decoded it already hands over plain
// bytes, which pass through), and the Cache API keeps it inflated.
//
// Any script of the site's origin can write to the Cache API, so what is
// kept there is checked each time it is loaded, and a download before it
// is kept: the file inflated must have the digest the build gave (of the
// inflated bytes, as that is what is kept, and what a host that decodes
// the download hands over). A cached entry that fails is deleted and the
// file downloaded again; a download that fails is neither kept nor used.
//
// A cached file is checked through a clone and then the Response matched
// is returned, so that a module is still compiled from the cache's
// Response (the browser may keep the compiled code with it). That Response
// cannot change after the check: a matched Response keeps the body it was
// matched with even when the entry is replaced (what Chromium does, and
// TestBrowserExactEngineRefusesForgedCache checks). A download is returned
// as the bytes checked. The cost is reading each file once more and its
// digest: in Chromium on 2 CPUs the compiler's 48 MB take 100-160 ms to
// read and 55-120 ms to digest when nothing else runs, and the worker is
// ready 0.5-1 s later than without the check on a busy machine.
async function fetchInflated(store, url, type, progress) {
  const want = wanted(store, url);
  const hit = store.cache && (await store.cache.match(url));
  if (hit) {
    if ((await digest(await hit.clone().arrayBuffer())) === want) return hit;
    await store.cache.delete(url); // forged or damaged: downloaded again
  }
  return download(store, url, type, progress, want);
}

// fetchBytes is fetchInflated for a file wanted as bytes, not compiled:
// a cached one is read once, and the bytes checked are the bytes used.
async function fetchBytes(store, url, type, progress) {
  const want = wanted(store, url);
  const hit = store.cache && (await store.cache.match(url));
  if (hit) {
    const b = await hit.arrayBuffer();
    if ((await digest(b)) === want) return new Uint8Array(b);
    await store.cache.delete(url);
  }
  return new Uint8Array(await (await download(store, url, type, progress, want)).arrayBuffer());
}

function wanted({ sums }, url) {
  const want = sums.get(new URL(url, self.location.href).href);
  if (!want) throw new Error(`${url}: no digest to check it against`);
  return want;
}

// download fetches url, inflates it, checks it against want, and keeps
// it in the cache.
async function download({ cache }, url, type, progress, want) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  const bytes = new Uint8Array(await resp.arrayBuffer());
  progress(bytes.length);
  const stream = new Blob([bytes]).stream();
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? stream.pipeThrough(new DecompressionStream('gzip')) : stream;
  const body = await new Response(plain).arrayBuffer();
  if ((await digest(body)) !== want) throw new Error(`${url}: the download does not match this deploy's digest`);
  const inflated = new Response(body, { headers: { 'Content-Type': type } });
  if (cache) {
    try {
      await cache.put(url, inflated.clone());
    } catch {
      // storage full or refused: next time it is downloaded again
    }
  }
  return inflated;
}

// digest is the SHA-256 of b in Subresource Integrity's format.
async function digest(b) {
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', b));
  let bin = '';
  for (const x of sum) bin += String.fromCharCode(x);
  return `sha256-${btoa(bin)}`;
}

const WARM_UP = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("warm")\n}\n';

async function warmUp() {
  for (let i = 0; i < WARM_BUILDS && asked === 0; i++) await build({ id: 0, code: WARM_UP }, false);
}

// build compiles and links code; answer is false for the warm-up.
async function build({ id, code }, answer = true) {
  const post = answer ? (m, transfer) => self.postMessage(m, transfer) : () => {};
  const refused = refuse(code);
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
  const files = ['main.go'];
  if (pkg) {
    fs.put('playground.go', encode(`package ${pkg}\n\nimport _ "time"\n`));
    files.push('playground.go');
  }
  const ms = { fetch: fetched.ms, fetched: fetched.archives };
  let t = performance.now();
  // The flags go build gives the compiler for a main package with no
  // assembly, at the language version of the site's snippets. Its
  // importcfg names only the packages a program may import.
  let status = await runGo(tools.compile, fs, ['compile', '-o', 'main.a', '-p', 'main', '-lang=go1.26', '-complete',
    '-importcfg', '/importcfg.compile', '-pack', '-c=1', ...files]);
  ms.compile = Math.round(performance.now() - t);
  if (status !== 0) {
    post({ type: 'built', id, errors: errors || `compile exited with status ${status}`, ms });
    return;
  }
  t = performance.now();
  status = await runGo(tools.link, fs, ['link', '-importcfg', '/importcfg.link', '-buildmode=exe', '-s', '-w',
    '-o', 'prog.wasm', 'main.a']);
  ms.link = Math.round(performance.now() - t);
  const wasm = fs.get('prog.wasm');
  if (status !== 0 || !wasm) {
    post({ type: 'built', id, errors: errors || `link exited with status ${status}`, ms });
    return;
  }
  const out = wasm.slice().buffer;
  post({ type: 'built', id, wasm: out, ms }, [out]);
}
