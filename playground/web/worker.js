// The playground's Web Worker: it loads the Go interpreter (a Go program
// compiled to WebAssembly) and hands it the page's requests. User code
// never runs on the page's thread; the page terminates this worker to
// stop a program, since a tight loop in WebAssembly cannot be preempted.
//
// Messages from the page: {type:'init', exec, wasm}, then
// {type:'run', id, code} and {type:'format', id, code}, answered by the Go
// side (playground/wasm) with {type:'out'|'exit'|'formatted', id, ...}.
// This script itself sends {type:'progress', loaded, total} while the
// module downloads, {type:'ready'} once Go is listening (sent by Go), and
// {type:'fatal', message} if loading fails.

let ready = null;
const pending = [];

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    if (!ready) ready = load(msg).catch((err) => self.postMessage({ type: 'fatal', message: String(err && err.message || err) }));
    return;
  }
  if (self.__goplay) self.__goplay(msg);
  else pending.push(msg);
};

// The Go side calls this once its handler is installed.
self.__goplayReady = () => {
  self.postMessage({ type: 'ready' });
  for (const msg of pending.splice(0)) self.__goplay(msg);
};

async function load({ exec, wasm }) {
  importScripts(exec);
  const go = new self.Go();
  const resp = await fetch(wasm);
  if (!resp.ok) throw new Error(`${wasm}: HTTP ${resp.status}`);
  const total = Number(resp.headers.get('Content-Length')) || 0;
  let loaded = 0;
  let told = 0;
  const counting = new TransformStream({
    transform(chunk, ctl) {
      loaded += chunk.byteLength;
      if (loaded - told > 256 * 1024 || loaded === total) {
        told = loaded;
        self.postMessage({ type: 'progress', loaded, total });
      }
      ctl.enqueue(chunk);
    },
  });
  // Compile while downloading: the module is never held whole before
  // compilation starts.
  const streamed = new Response(resp.body.pipeThrough(counting), { headers: { 'Content-Type': 'application/wasm' } });
  const { instance } = await WebAssembly.instantiateStreaming(streamed, go.importObject);
  go.run(instance).then(() => self.postMessage({ type: 'fatal', message: 'the interpreter exited' }));
}
