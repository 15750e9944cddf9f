// The interpreter's Web Worker: it runs the Go interpreter (a Go program
// compiled to WebAssembly) and hands it the page's requests. It is started
// inside the playground's sandbox (sandbox.js), after wasm_exec.js, and
// talks to the page over a channel of its own; the page terminates it to
// stop a program, since a tight loop in WebAssembly cannot be preempted.
//
// Messages from the page: {type:'init', wasm: Blob} (the page
// downloads the module, through its cache, since nothing can be fetched
// from the sandbox), then {type:'run', id, code} and {type:'format', id,
// code}, answered by the Go side (playground/wasm) with
// {type:'out'|'exit'|'formatted', id, ...}. This script itself sends
// {type:'ready'} once Go is listening (sent by Go), and {type:'fatal',
// message} if loading fails.

let ready = null;
const pending = [];

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    if (!ready) ready = load(msg).catch((err) => self.postMessage({ type: 'fatal', message: String(err?.message || err) }));
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

// A beat, every 250 ms that this worker's event loop runs, says the
// interpreter is free: Go gives JavaScript control only when none of its
// goroutines can run (the program sleeps or waits). A program that keeps
// it computing, in one goroutine or many taking turns, stops the beats;
// the page, on Automatic, then hands it to Go at the time limit rather
// than call it a runaway.
setInterval(() => self.postMessage({ type: 'beat' }), 250);

async function load({ wasm }) {
  const go = new self.Go();
  const { instance } = await WebAssembly.instantiate(await wasm.arrayBuffer(), go.importObject);
  go.run(instance).then(() => self.postMessage({ type: 'fatal', message: 'the interpreter exited' }));
}
