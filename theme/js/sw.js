// The service worker: the site reads, and its interpreter runs, with no
// connection. The build prepends self.BUILD (an id of this deploy's asset
// set) and self.ASSETS (each hashed asset's URL → the SHA-256 of its
// content, in Subresource Integrity's format: "sha256-<base64>") and
// serves this file as /sw.js, unhashed, so that a deploy with new assets is
// a new worker.
//
// Pages: network first, so a deploy shows at once; each page a reader
// opens is kept and served when the network fails. Hashed assets
// (/assets/*, the interpreter's WebAssembly among them): cache first, as
// their names change with their content. The exact engine's gzipped files
// are left to the exact engine's worker, which checks them itself and
// keeps the archives in its own cache, the compiler and the linker in the
// browser's HTTP cache (playground/web/exact.js). A new worker takes over
// at once, keeps the assets the new deploy still uses, and drops the rest
// and the pages it kept, which may name assets that are gone.
//
// Nothing is served or kept unchecked. Any script of the site's origin
// can write to the Cache API, so a cached asset is only as good as its
// digest: every body, from the cache or from the network, is checked
// against self.ASSETS before it is served or stored, and a new worker
// carries over only the old entries that pass. The check reads the body
// whole and answers with those very bytes, so an entry replaced after the
// check is never what is served. It runs on every hit, not once per URL
// per worker: a remembered "checked" would let an entry forged after the
// check through for as long as the worker lives, and the check is cheap
// (the interpreter's 12 MB of WebAssembly digest in about 20-35 ms in
// Chromium on 2 CPUs, a few milliseconds for everything else).

const CACHE = `gi-${self.BUILD}`;
const DIGESTS = new Map(Object.entries(self.ASSETS).map(([path, sri]) => [new URL(path, self.location.origin).href, sri]));

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const name of await caches.keys()) {
      if (!name.startsWith('gi-') || name === CACHE) continue;
      const old = await caches.open(name);
      for (const req of await old.keys()) {
        const want = DIGESTS.get(req.url);
        if (!want) continue;
        const ok = await checked(await old.match(req), want).catch(() => null);
        if (ok) await cache.put(req, ok);
      }
      await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/_dev/') || /\.(gz|br)$/.test(url.pathname)) return;
  if (url.pathname.startsWith('/assets/')) {
    // An asset this deploy does not list (one an older page still open
    // names) has no digest to check: it goes to the network and is not
    // kept.
    const want = DIGESTS.get(req.url);
    if (want) e.respondWith(cacheFirst(req, want));
  } else if (req.mode === 'navigate') e.respondWith(networkFirst(req));
});

async function cacheFirst(req, want) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) {
    const ok = await checked(hit, want).catch(() => null);
    if (ok) return ok;
    await cache.delete(req); // forged or damaged: fetched again
  }
  const resp = await fetch(req);
  if (!resp.ok) return resp;
  const ok = await checked(resp, want);
  if (!ok) {
    // Not what this deploy built under that name: a host or a proxy on
    // the way changed it. It is not kept, and not served either: the
    // page's scripts and styles carry integrity attributes and would be
    // refused anyway, but its workers and the interpreter's WebAssembly
    // have no such check, and would run it.
    return new Response(`${req.url}: the content does not match this deploy's digest\n`, {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  await cache.put(req, ok.clone());
  return ok;
}

// checked returns resp's body as a new Response with resp's status and
// headers if its SHA-256 is want, or null.
async function checked(resp, want) {
  const body = await resp.arrayBuffer();
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  let bin = '';
  for (const b of sum) bin += String.fromCharCode(b);
  if (`sha256-${btoa(bin)}` !== want) return null;
  return new Response(body, { status: resp.status, statusText: resp.statusText, headers: resp.headers });
}

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const resp = await fetch(req);
    if (resp.ok) await cache.put(req, resp.clone());
    return resp;
  } catch (err) {
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}
