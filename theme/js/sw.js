// The service worker: the site reads, and its interpreter runs, with no
// connection. The build prepends self.BUILD (an id of this deploy's asset
// set) and self.ASSETS (its hashed asset URLs) and serves this file as
// /sw.js, unhashed, so that a deploy with new assets is a new worker.
//
// Pages: network first, so a deploy shows at once; each page a reader
// opens is kept and served when the network fails. Hashed assets
// (/assets/*, the interpreter's WebAssembly among them): cache first, as
// their names change with their content. The exact engine's gzipped files
// are left to the exact engine's worker, which keeps them in its own cache
// (playground/web/exact.js). A new worker takes over at once, keeps the
// assets the new deploy still uses, and drops the rest and the pages it
// kept, which may name assets that are gone.

const CACHE = `gi-${self.BUILD}`;
const CURRENT = new Set(self.ASSETS.map((p) => new URL(p, self.location.origin).href));

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const name of await caches.keys()) {
      if (!name.startsWith('gi-') || name === CACHE) continue;
      const old = await caches.open(name);
      for (const req of await old.keys()) {
        if (CURRENT.has(req.url)) await cache.put(req, await old.match(req));
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
  if (url.origin !== self.location.origin || url.pathname.startsWith('/_dev/') || url.pathname.endsWith('.gz')) return;
  if (url.pathname.startsWith('/assets/')) e.respondWith(cacheFirst(req));
  else if (req.mode === 'navigate') e.respondWith(networkFirst(req));
});

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const resp = await fetch(req);
  if (resp.ok) await cache.put(req, resp.clone());
  return resp;
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
