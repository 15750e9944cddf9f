// The exact engine's runner: a Web Worker that runs one program the exact
// engine's worker built (a js/wasm binary). The page then terminates it,
// however the program ended: terminating is the only way to stop a
// WebAssembly loop, and a program that took over JavaScript here must not
// outlive its run.
//
// In: {type:'run', id, wasm: ArrayBuffer, godebug: the program's GODEBUG or ''}. Out, as the interpreter's
// worker answers: {type:'out', id, stream, data}..., then
// {type:'exit', id, status} (with overflow:true when the browser's stack
// ran out) or {type:'exit', id, flood:true}.
//
// This is where reader code runs with JavaScript within reach (a program
// may declare //go:wasmimport, or forge a function value), so the worker
// lives in the playground's sandbox (sandbox.js): an opaque origin whose
// policy lets it fetch nothing and store nothing, after wasm_exec.js and
// with a channel to the page as its only way out. seal() below is a second
// line: it hides the network and storage APIs from the program's globals.

import { MemFS } from './memfs.js';
import { runGo } from './gorun.js';
import { OUTPUT_LIMIT } from './output.js';

const ASLEEP = 'all goroutines are asleep - deadlock!';
const DEADLOCK = 'fatal error: ' + ASLEEP;
const post = self.postMessage.bind(self);

self.onmessage = async (e) => {
  const { id, wasm, godebug } = e.data;
  const out = new Output(id);
  let status;
  try {
    const module = await WebAssembly.compile(wasm);
    seal();
    const fs = new MemFS(null, (...a) => out.write(...a));
    status = await runGo(module, fs, ['prog'], godebug ? { GODEBUG: String(godebug) } : {}, () => out.hold());
    out.release(status);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      // Go's goroutine stacks grow in the program's memory up to 1 GB,
      // but its calls nest on the browser's own stack, which runs out
      // first. Endless recursion, the common case, is Go's stack
      // overflow, told as Go tells it (without the traces, which Go never
      // got to print); a deep one that Go would finish cannot be told
      // from it here, so the page says which stack ran out (overflow).
      if (out.flooded) return;
      out.release();
      const invalid = out.end();
      out.write(2, new TextEncoder().encode('runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n'));
      out.flush();
      post({ type: 'exit', id, status: 2, overflow: true, invalid });
      return;
    }
    out.release();
    post({ type: 'exit', id, status: 2, error: String((err && err.message) || err), invalid: out.end() });
    return;
  }
  if (out.flooded) return;
  post({ type: 'exit', id, status, invalid: out.end() });
};

function seal() {
  const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches',
    'Worker', 'SharedWorker', 'BroadcastChannel', 'WebTransport'];
  // A name hidden on self alone is still found on the prototypes
  // (WorkerGlobalScope.prototype.fetch...): hide it on each of them.
  for (let o = self; o; o = Object.getPrototypeOf(o)) hide(o, names);
  for (let o = self.navigator; o; o = Object.getPrototypeOf(o)) hide(o, ['storage', 'serviceWorker', 'locks']);
}

function hide(o, names) {
  for (const name of names) {
    if (!Object.hasOwn(o, name)) continue;
    try {
      Object.defineProperty(o, name, { value: undefined, configurable: false, writable: false });
    } catch {
      // a property the browser will not let go: the sandbox's policy still stands
    }
  }
}

// Output batches writes into few messages once they come fast: each
// write goes out at once until BURST went out in a window of 20 ms (one
// starts at the first write 20 ms after the last began); past that, a
// batch goes out past 8 KB or from a timer when the program pauses. A
// busy program never lets a timer run, and the sandbox ends a program
// that computes without end at its limit: what was still batched then
// never shows. A program that printed two lines and then spun on a mutex
// showed one; now only a burst of over BURST writes just before such a
// spin loses its last ones.
const BURST = 64;

class Output {
  constructor(id) {
    this.id = id;
    this.stream = '';
    this.text = '';
    this.total = 0;
    this.window = -Infinity; // when the last 20 ms began
    this.sent = 0; // messages since
    this.timer = 0;
    this.flooded = false;
    // ignoreBOM: a U+FEFF the program writes first is its own, kept.
    this.decoders = { stdout: new TextDecoder('utf-8', { ignoreBOM: true }), stderr: new TextDecoder('utf-8', { ignoreBOM: true }) };
    // strict: the same bytes read strictly, to tell the page that bytes
    // that are not UTF-8 were shown as U+FFFD (invalid).
    this.strict = { stdout: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }), stderr: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) };
    this.invalid = false;
    // this.held: what is held back (write, hold), a list of [stream, text]
  }

  // end sends what a decoder still holds, a character cut at the end of
  // a stream (as U+FFFD, which TextDecoder ends it with), and says
  // whether the program wrote bytes that are not UTF-8 (notUTF8).
  end() {
    for (const s of ['stdout', 'stderr']) {
      const tail = this.decoders[s].decode();
      if (!tail) continue;
      if (s !== this.stream) {
        this.flush();
        this.stream = s;
      }
      this.text += tail;
    }
    this.flush();
    return this.notUTF8();
  }

  // notUTF8 says the program wrote bytes that are not UTF-8, a cut
  // character at the end of a stream among them.
  notUTF8() {
    for (const d of Object.values(this.strict)) {
      try {
        d.decode();
      } catch {
        this.invalid = true;
      }
    }
    return this.invalid;
  }

  // write takes what the program writes on fd 1 or 2 (through the syscall
  // package: os.Stdout, os.Stderr, fmt) or, with runtime, what Go's
  // runtime writes itself (its reports, print and println).
  write(fd, bytes, runtime) {
    if (this.flooded) return;
    const stream = fd === 1 ? 'stdout' : 'stderr';
    if (!runtime) this.release(); // the program lives on: see below
    if (stream !== this.stream) {
      this.flush();
      this.stream = stream;
    }
    const text = this.decoders[stream].decode(bytes, { stream: true });
    if (!this.invalid) {
      try {
        this.strict[stream].decode(bytes, { stream: true });
      } catch {
        this.invalid = true;
      }
    }
    this.text += text;
    this.total += bytes.length;
    // Go's runtime may give the verdict itself, without the event: once
    // a goroutine has handled a callback (a file system call is one), it
    // waits for the next forever, and Go counts it among the asleep. Only
    // the runtime's own write of its message starts its report
    // (runtime.fatal prints "fatal error: " and the message, and print
    // writes each operand on its own); a program's, through os.Stderr or
    // println's one write, never does. A program could still write the
    // two pieces with print; but Go ends a program in the call that
    // reported, running none of its code, so what is held goes out as it
    // is as soon as the program writes through the syscall package
    // (above) or JavaScript runs again (the timer: the program waits),
    // either of which says that the program lives on. Go's report, held
    // here or by hold, is over and released with the status before.
    if (!this.held && runtime && text === ASLEEP) {
      this.held = [];
      setTimeout(() => this.release());
    }
    if (this.total > OUTPUT_LIMIT) {
      this.release(); // a report held (hold) goes out as it is, up to the limit
      this.flush();
      this.flooded = true;
      post({ type: 'exit', id: this.id, status: 2, flood: true });
      return;
    }
    const now = performance.now();
    if (now - this.window > 20) {
      this.window = now;
      this.sent = 0;
    }
    if (this.text.length > 8192 || this.sent < BURST) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), 20);
  }

  // hold keeps what Go writes from now on, its deadlock report, until
  // release, which sends it without the goroutine that handles the
  // browser's events (the one telling Go of the deadlock, gorun.js, or a
  // callback's): syscall/js.handleEvent, asleep in a select with no
  // cases, is the browser's, not the program's, and go run's report has
  // no such goroutine. write holds a report Go starts on its own. What the
  // program printed before goes out first: a line still batched would
  // otherwise be held with the report, which is then not Go's alone and
  // goes as it is, the browser's goroutine in it.
  hold() {
    this.release();
    this.flush();
    this.held = [];
  }

  // release sends what was held, each piece on its stream. Only a program
  // that ended with status 2, as Go's report ends it, had its report held
  // (a program may write the same words with print and exit, see
  // write): then it goes without the browser's goroutine, and a report
  // left with no goroutine at all is one Go words otherwise: main called
  // runtime.Goexit and every other goroutine ended (Go's checkdead finds
  // none asleep). A report with no browser's goroutine in it is not
  // Go's (Go's has at least that one): it goes as it is.
  release(status) {
    if (!this.held || this.flooded) return;
    this.flush();
    let held = this.held;
    this.held = 0;
    if (status === 2 && held.every(([stream]) => stream === 'stderr')) {
      const text = held.map(([, t]) => t).join('');
      let report = text.replace(/\n\ngoroutine \d+ \[[^\]\n]*\]:\nsyscall\/js\.handleEvent\(\)\n(?:.+\n?)*/, '\n');
      if (report !== text && ('\n' + report).endsWith('\n' + DEADLOCK + '\n')) report = report.slice(0, -ASLEEP.length - 1) + 'no goroutines (main called runtime.Goexit) - deadlock!\n';
      held = [['stderr', report]];
    }
    for (const [stream, text] of held) this.send(stream, text);
  }

  flush() {
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.held) {
      if (this.text) this.held.push([this.stream, this.text]);
      this.text = '';
      return;
    }
    if (!this.text) return; // nothing went out: the next write may still go at once
    this.send(this.stream, this.text);
    this.text = '';
  }

  send(stream, data) {
    this.sent++;
    post({ type: 'out', id: this.id, stream, data });
  }
}
