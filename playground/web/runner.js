// The exact engine's runner: a Web Worker that runs the programs the
// exact engine's worker built (js/wasm binaries), one at a time, each in
// a fresh Go instance. The page terminates it to stop a program, which is
// the only way to stop a WebAssembly loop, and reuses it after a program
// that ended by itself.
//
// In: {type:'load', exec}, sent when the build starts so that this
// worker is up by the time the binary is, then {type:'run', id, wasm:
// ArrayBuffer}. Out, as the interpreter's
// worker answers: {type:'out', id, stream, data}..., then
// {type:'exit', id, status, runs} or {type:'exit', id, flood:true}; runs
// counts the programs this worker has run, this one included.
//
// The program has no file to read and no way to reach the page: it was
// compiled against the playground's packages only (no syscall/js), and
// this worker drops its own network and storage APIs before it starts.

import { MemFS } from './memfs.js';
import { runGo } from './gorun.js';

const OUTPUT_LIMIT = 1 << 20;
const post = self.postMessage.bind(self);
let runs = 0;

self.onmessage = async (e) => {
  if (e.data.type === 'load') {
    importScripts(e.data.exec);
    return;
  }
  const { id, wasm } = e.data;
  runs++;
  const out = new Output(id);
  let status;
  try {
    const module = await WebAssembly.compile(wasm);
    seal();
    const fs = new MemFS(null, (fd, b) => out.write(fd === 1 ? 'stdout' : 'stderr', b));
    status = await runGo(module, fs, ['prog']);
  } catch (err) {
    out.flush();
    post({ type: 'exit', id, status: 2, error: String((err && err.message) || err), runs });
    return;
  }
  if (out.flooded) return;
  out.flush();
  post({ type: 'exit', id, status, runs });
};

function seal() {
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches',
    'Worker', 'SharedWorker', 'BroadcastChannel', 'WebTransport']) {
    try {
      Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
    } catch {
      // a property the browser will not let go: nothing reaches it anyway
    }
  }
}

// Output batches writes into few messages, as the interpreter does: past
// 8 KB, 20 ms after the last batch (checked on each write, since a busy
// program never lets a timer run), or from a timer when the program
// pauses.
class Output {
  constructor(id) {
    this.id = id;
    this.stream = '';
    this.text = '';
    this.total = 0;
    this.last = performance.now();
    this.timer = 0;
    this.flooded = false;
    this.decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  }

  write(stream, bytes) {
    if (this.flooded) return;
    if (stream !== this.stream) {
      this.flush();
      this.stream = stream;
    }
    this.text += this.decoders[stream].decode(bytes, { stream: true });
    this.total += bytes.length;
    if (this.total > OUTPUT_LIMIT) {
      this.flush();
      this.flooded = true;
      post({ type: 'exit', id: this.id, status: 2, flood: true });
      return;
    }
    if (this.text.length > 8192 || performance.now() - this.last > 20) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), 20);
  }

  flush() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.last = performance.now();
    if (!this.text) return;
    post({ type: 'out', id: this.id, stream: this.stream, data: this.text });
    this.text = '';
  }
}
