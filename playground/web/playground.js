// In-page Go playgrounds. The build marks each runnable snippet with
// data-playground (its id); this script turns it into an editor with Run,
// Stop, Reset, Format, Copy and Share, and runs the code in Web Workers of
// the page's sandbox. The interpreter is downloaded when a playground
// comes into view, or when a reader runs or edits a program if the
// connection asks to save data. Without JavaScript, the snippet and its expected output stay
// as the build rendered them.
//
// Two engines run a program. The fast one is the yaegi interpreter in one
// worker shared by the page. The exact one is the Go toolchain: a worker
// that keeps the compiler and linker (exact.js) builds a js/wasm binary,
// and a runner worker (runner.js) runs it, one run at a time. With the engine
// on "auto" (the default), the interpreter's worker first looks at the
// program and hands it over to the exact engine when it would run it
// differently from Go; the reader can also pick either engine.
//
// Reader code runs only in the sandbox: a hidden frame with an opaque
// origin (sandbox.js) that starts the interpreter's worker and the runners
// and can reach nothing of the site. The page downloads what they need
// (through its own caches) and hands it over; what they answer is checked
// field by field (clean) before the page reads it, and shown as text. The
// toolchain's worker stays with the page: it runs the Go compiler and
// linker, not the program; the browser keeps them in its HTTP cache.
//
// Test contract (browser tests rely on it): the root carries
// data-playground, data-state ("idle", "loading", "running", "done",
// "error") and, once it ran, data-engine ("fast" or "exact") and, for the
// exact engine; the build's data-engine-fixed="exact" (a snippet written
// {engine="exact"}) makes every run of it the exact engine's, whatever
// the pick, with data-godebug's GODEBUG if any; inside,
// [data-action="run"], [data-action="stop"], the menu's button .pg-more
// and, in the menu .pg-menu, [data-action] reset, format, copy and share
// and the select [data-engine-pick] (for a fixed engine, words: .pg-fixed); [data-output], the textarea
// [data-editor] and [data-engine-note]; after errors, .pg-mark over each
// line they name (--line) and, in the output, a button.pg-at for each
// line:col.
// Timings for the benchmarks: data-first-output, data-ms (Run to the end)
// and, for the exact engine, data-built-ms, data-compile-ms, data-link-ms,
// data-load-ms; html[data-pg-exact-ready] once the toolchain is loaded,
// html[data-pg-exact-warm] once it warmed up (the builds it made), and
// html[data-pg-interpreters] and html[data-pg-runners], the interpreter's
// workers and the exact engine's runners started so far.

import { strings } from './strings.js';
import { highlight } from './highlight.js';
import { encode, decode, SHARE_LIMIT } from './share.js';
import { Output, OUTPUT_LIMIT } from './output.js';


const T = strings();
const html = document.documentElement;
const cfg = {
  sandbox: html.dataset.pgSandbox,
  sandboxPolicy: html.dataset.pgSandboxPolicy,
  wasm: html.dataset.pgWasm,
  exec: html.dataset.pgExec,
  limit: Number(html.dataset.pgLimit) || 10,
  exact: html.dataset.pgExact ? JSON.parse(html.dataset.pgExact) : null,
};

// Sandbox owns the page's sandbox frame, opened when the first worker is
// needed. The frame's document is written by the page (srcdoc) from the
// sandbox's script, fetched through the page's caches: a frame with an
// opaque origin is outside the service worker and the HTTP cache, so a
// document it loaded itself would not open offline. It inherits the
// site's policy, which allows that one inline script by its hash, and adds
// its own (data-pg-sandbox-policy). Its control channel starts and ends
// workers; each worker talks to the page over a channel of its own.
class Sandbox {
  constructor(url, policy) {
    this.url = url;
    this.policy = policy;
    this.control = null;
    this.seq = 0;
    this.failed = new Map(); // key → the worker's error handler
    this.limited = new Map(); // key → the worker's handler of a run's time limit
  }

  open() {
    this.control ||= this.frame().catch((err) => {
      this.control = null; // the next run tries again
      throw err;
    });
    return this.control;
  }

  async frame() {
    const resp = await fetch(this.url);
    if (!resp.ok) throw new Error(`${this.url}: HTTP ${resp.status}`);
    const script = await resp.text();
    return new Promise((resolve, reject) => {
      const frame = el('iframe', { sandbox: 'allow-scripts', hidden: '', title: 'Go playground sandbox', 'aria-hidden': 'true', tabindex: '-1' });
      // The script is the build's own, with no "</script" in it (the build
      // checks); the policy is the build's too.
      frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${this.policy.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}"><script>${script}</script>`;
      const { port1, port2 } = new MessageChannel();
      const timer = setTimeout(() => {
        frame.remove();
        reject(new Error('the sandbox did not start'));
      }, SANDBOX_WAIT);
      port1.onmessage = (e) => {
        const m = e.data;
        if (m?.type === 'ready') {
          clearTimeout(timer);
          resolve(port1);
        } else if (m?.type === 'error' && typeof m.key === 'string') {
          this.failed.get(m.key)?.(bounded(m.message, 1000) || 'worker error');
        } else if (m?.type === 'limit' && typeof m.key === 'string' && typeof m.run === 'string') {
          this.limited.get(m.key)?.(m.run, int(m.at), int(m.from), m.started === true);
        }
      };
      // The frame's origin is opaque: '*' is the only origin to name, and
      // the channel sent is the only thing it gets.
      frame.addEventListener('load', () => frame.contentWindow.postMessage({ type: 'connect', port: port2 }, '*', [port2]), { once: true });
      document.body.append(frame);
    });
  }

  // spawn starts a worker of kind ('fast' or 'runner') in the sandbox.
  async spawn(kind) {
    const control = await this.open();
    const key = `${kind}${++this.seq}`;
    const { port1, port2 } = new MessageChannel();
    control.postMessage({ type: 'start', key, kind, port: port2 }, [port2]);
    return new SandboxWorker(this, control, key, port1);
  }
}

const SANDBOX_WAIT = 30000;

// SandboxWorker is a worker in the sandbox, with the shape of a Worker.
// Every message it sends goes through clean first; a worker that keeps
// sending what the page does not read is ended, as one that floods it.
// An error that comes before onerror is set (a spare runner that failed
// to start) is kept for it.
class SandboxWorker {
  constructor(sandbox, control, key, port) {
    this.sandbox = sandbox;
    this.control = control;
    this.key = key;
    this.port = port;
    this.junk = 0;
    this.failure = null;
    this.onfailure = null;
    this.onlimit = new Map(); // run → what to do at its time limit
    sandbox.failed.set(key, (message) => this.fail(message));
    sandbox.limited.set(key, (run, ...how) => this.onlimit.get(run)?.(...how));
  }

  set onmessage(f) {
    this.port.onmessage = f && ((e) => {
      const data = clean(e.data);
      if (data) f({ data });
      else if (++this.junk > JUNK_LIMIT) this.fail('the worker sent messages the page does not read');
    });
  }

  set onerror(f) {
    this.onfailure = f;
    if (f && this.failure) f({ message: this.failure });
  }

  fail(message) {
    this.failure ||= message;
    this.onfailure?.({ message });
  }

  postMessage(m, transfer = []) {
    this.port.postMessage(m, transfer);
  }

  // limit has the sandbox terminate this worker seconds from now, unless
  // unlimit(run) comes first, and then call onlimit(at, from, started):
  // when it did and when the limit began (Date.now()), and whether the
  // program had started. With then, seconds is the interpreter's check
  // and compile, and the program's start begins a limit of then seconds.
  limit(run, seconds, onlimit, then) {
    this.onlimit.set(run, onlimit);
    this.control.postMessage({ type: 'limit', key: this.key, run, ms: seconds * 1000, then: then && then * 1000 });
  }

  unlimit(run) {
    if (!this.onlimit.delete(run)) return;
    this.control.postMessage({ type: 'unlimit', key: this.key, run });
  }

  terminate() {
    this.control.postMessage({ type: 'end', key: this.key });
    this.port.close();
    this.sandbox.failed.delete(this.key);
    this.sandbox.limited.delete(this.key);
  }
}

const JUNK_LIMIT = 100;

// clean returns a copy of a message from the sandbox with only the fields
// the page reads, each of the type it expects and bounded, or null for
// anything else. A program controls these messages.
function clean(m) {
  if (!m || typeof m !== 'object') return null;
  const id = bounded(m.id, 200);
  switch (m.type) {
    case 'out':
      return { type: 'out', id, stream: m.stream === 'stderr' ? 'stderr' : 'stdout', data: bounded(m.data, OUTPUT_LIMIT + 1) };
    case 'beat':
      return { type: 'beat' };
    case 'running':
      return { type: 'running', id };
    case 'exit':
      return {
        // An exit status is a byte where go run runs (Linux keeps the
        // code's low 8 bits): os.Exit(256) is 0, os.Exit(-1) is 255.
        type: 'exit', id, status: int(m.status) & 255, flood: m.flood === true, lingering: m.lingering === true, more: m.more === true, overflow: m.overflow === true, invalid: m.invalid === true,
        error: bounded(m.error, 64 << 10) || undefined,
        exact: typeof m.exact === 'string' ? bounded(m.exact, 4096) : undefined,
      };
    case 'formatted':
      // Code is never cut short: too long, it is an error.
      if (typeof m.code === 'string' && m.code.length > 1 << 20) return { type: 'formatted', id, code: '', error: 'format: the result is too large' };
      return { type: 'formatted', id, code: bounded(m.code, 1 << 20), error: bounded(m.error, 64 << 10) || undefined };
    case 'ready':
      return { type: 'ready' };
    case 'fatal':
      return { type: 'fatal', message: bounded(m.message, 1000) };
    default:
      return null;
  }
}

function bounded(v, max) {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function int(v) {
  return Number.isSafeInteger(v) ? v : 0;
}

// WorkerClient owns one long-lived worker of the page, started by spawn.
// The worker answers {type:'ready'} once loaded, {type:'progress'} while
// it downloads (the toolchain's) and {type:'fatal'} when it cannot go on;
// every other message goes to receive. A worker that
// fails is dropped (fail), and the next request starts a fresh one.
class WorkerClient {
  constructor(spawn) {
    this.spawn = spawn;
    this.worker = null;
    this.ready = null;
    this.started = 0; // counts starts and drops: a launch outlived by either is void
    this.onprogress = new Set();
  }

  // start starts the worker, unless it runs, and sends it init: a message,
  // or a function that resolves to [message, transfer list].
  start(init) {
    if (this.ready) return this.ready;
    const n = ++this.started;
    this.ready = this.launch(init, n).catch((err) => {
      if (this.started === n) this.fail(err.message);
      throw err;
    });
    return this.ready;
  }

  async launch(init, n) {
    const [msg, transfer] = typeof init === 'function' ? await init() : [init, []];
    if (this.started !== n) throw new Error('stopped'); // dropped while it downloaded
    const worker = await this.spawn();
    if (this.started !== n) {
      // dropped while it started
      worker.terminate();
      throw new Error('stopped');
    }
    this.worker = worker;
    return new Promise((resolve, reject) => {
      this.unlaunch = reject; // drop ends the wait too
      let loaded = false;
      const fatal = (message) => {
        if (loaded) this.fail(message);
        else reject(new Error(message));
      };
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') {
          loaded = true;
          this.readied(m);
          resolve();
        } else if (m.type === 'progress') this.onprogress.forEach((f) => f(m.loaded, m.total));
        else if (m.type === 'fatal') fatal(m.message);
        else this.receive(m);
      };
      worker.onerror = (e) => fatal(e.message || 'worker error');
      worker.postMessage(msg, transfer);
    });
  }

  // drop ends the worker and whatever it was doing; a start under way
  // fails with 'stopped'.
  drop() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.started++;
    this.unlaunch?.(new Error('stopped'));
    this.unlaunch = null;
  }

  readied() {}
}

const sandbox = new Sandbox(cfg.sandbox, cfg.sandboxPolicy);

// download fetches url whole, through the page's caches (the service
// worker keeps hashed assets), telling progress(loaded, total) as it goes,
// as a Blob.
async function download(url, progress) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  const total = Number(resp.headers.get('Content-Length')) || 0;
  const chunks = [];
  let loaded = 0;
  let told = 0;
  for (const reader = resp.body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    if (loaded - told > 256 * 1024) {
      told = loaded;
      progress(loaded, total);
    }
  }
  progress(loaded, total || loaded);
  return new Blob(chunks);
}

// ANSWERS are the messages the interpreter answers each request with
// (playground/wasm's protocol).
const ANSWERS = { run: ['running', 'out', 'exit'], format: ['formatted'] };

// Host owns the interpreter's worker, one per page. Each run gets a fresh
// id; messages for an id are routed to the playground that started it.
class Host extends WorkerClient {
  constructor() {
    super(() => {
      html.dataset.pgInterpreters = String(Number(html.dataset.pgInterpreters || 0) + 1);
      return sandbox.spawn('fast');
    });
    this.listeners = new Map(); // id → {pg, type}: the playground and its request's type
    this.seq = 0;
  }

  // start starts the worker with the interpreter's module, downloaded
  // once and kept as a Blob: a worker started again (after Stop, a limit,
  // a program that left goroutines) is handed it by reference, where an
  // ArrayBuffer of its 16 MB was read from the cache again for each start
  // and copied to the sandbox's process. In one run of
  // TestBrowserOutputFlood with both CPUs busy, the page's longest waits
  // in floods that restart it fell from up to 343 ms to 149, and a
  // program's first output came seconds sooner.
  start() {
    return super.start(async () => {
      // The download, not its result, is kept: a start while it is under
      // way (Run, Stop, Run) waits for it rather than begin another.
      this.wasm ||= download(cfg.wasm, (loaded, total) => this.onprogress.forEach((f) => f(loaded, total))).catch((err) => {
        this.wasm = null;
        throw err;
      });
      return [{ type: 'init', wasm: await this.wasm }, []];
    });
  }

  // receive hands a message to the playground that asked for it. A beat
  // is the worker's, for every run on it. An answer of another kind than
  // the request's (ANSWERS) comes from a worker gone wrong, a program that
  // took over its JavaScript, say, which could otherwise rewrite the
  // editor with a run's "formatted" or end a format as a run: the worker
  // is ended, as a failed one. An answer of the right kind is not told
  // from a forged one: such a worker, which sees the page's later
  // requests, can still answer a Format with code of its own, or another
  // playground's run.
  receive(m) {
    if (m.type === 'beat') return this.listeners.forEach(({ pg }) => pg.receive(m));
    const asked = this.listeners.get(m.id);
    if (!asked) return;
    if (ANSWERS[asked.type]?.includes(m.type)) asked.pg.receive(m);
    else this.fail('it answered what it was not asked');
  }

  // restart drops the worker (and whatever it was running); the next
  // request starts a fresh one.
  restart() {
    this.lingering = false;
    this.drop();
    for (const { pg } of this.listeners.values()) pg.abandoned();
    this.listeners.clear();
  }

  fail(message) {
    // Each playground once: one with a run and a format pending, told
    // twice, had its run handed to Go and then called crashed.
    const listeners = new Set([...this.listeners.values()].map(({ pg }) => pg));
    this.listeners.clear(); // told below, as crashed rather than stopped
    this.restart();
    listeners.forEach((pg) => pg.crashed(message));
  }

  async send(pg, msg) {
    const id = `${pg.id}#${++this.seq}`;
    this.listeners.set(id, { pg, type: msg.type });
    await this.start();
    this.worker.postMessage({ ...msg, id });
    return id;
  }

  // done ends run id. When a program left goroutines behind (lingering),
  // which Go would have ended with its process, the worker is ended once
  // no run is using it.
  done(id, lingering = false) {
    this.listeners.delete(id);
    this.worker?.unlimit(id);
    this.lingering ||= lingering;
    if (this.lingering && this.listeners.size === 0) this.restart();
  }

}

const host = new Host();

// runners keeps one runner of the exact engine started ahead, so a run
// does not wait for a worker to start. A runner runs one program and is
// then terminated, whatever way the program ended: a program that took
// over JavaScript in its runner could otherwise go on after its exit
// (goroutines, timers, handlers of its own) and answer for the next run.
const runners = {
  spare: null,
  // take returns the spare runner and starts the next one.
  take() {
    const r = this.spare || this.start();
    const next = (this.spare = this.start());
    next.catch(() => {
      if (this.spare === next) this.spare = null; // the sandbox failed: the next take tries again
    });
    return r;
  },
  start() {
    html.dataset.pgRunners = String(Number(html.dataset.pgRunners || 0) + 1);
    return sandbox.spawn('runner');
  },
  // give takes back a runner that ran nothing: it becomes the spare only
  // when starting the spare failed, and is ended otherwise.
  give(r) {
    if (!r) return;
    if (this.spare) r.terminate();
    else this.spare = Promise.resolve(r);
  },
};

// Toolchain owns the exact engine's build worker: it downloads the
// compiler, the linker and the archives once, then keeps them compiled
// for every build of the page.
class Toolchain extends WorkerClient {
  constructor() {
    super(() => new Worker(cfg.exact.worker));
    this.waiting = new Map(); // build id → {code, resolve}
    this.seq = 0;
    this.tools = null; // the compiled modules and archives, once loaded
  }

  // start loads the toolchain (or hands a new worker the tools an earlier
  // one loaded); with warm, it also builds a small program at once, so
  // that the reader's first build runs at full speed.
  start(warm = false) {
    if (!this.ready) this.warming = warm && !this.tools;
    return super.start({ type: 'init', exec: cfg.exec, warm: this.warming, ...cfg.exact, tools: this.tools });
  }

  readied(m) {
    html.dataset.pgExactReady = '';
    this.loadMs = m.ms; // for the benchmark
    if (m.tools) this.tools = m.tools;
  }

  receive(m) {
    if (m.type === 'warm') {
      this.warming = false;
      html.dataset.pgExactWarm = m.builds;
    }
    else if (m.type === 'built') {
      if (m.wasm) store(USED_KEY, '1'); // a program of the reader's built
      this.waiting.get(m.id)?.resolve(m);
      this.waiting.delete(m.id);
    }
  }

  // prepare starts the toolchain ahead of a run, when the reader picked it
  // or, on Automatic, it built a program of theirs before (picked or
  // handed over: its files are in the browser's cache then), so that
  // nothing is downloaded for a reader who may never need it or picked
  // the interpreter, and nothing at all on a connection that asks to save
  // data. warm: also build a small program, for a reader about to
  // run one. html[data-pg-exact-prepared] says what it decided: 'picked',
  // 'used', 'no' or 'save-data'.
  prepare(picked, warm = true) {
    if (this.ready) return;
    let why = 'save-data';
    if (!navigator.connection?.saveData) {
      why = picked ? 'picked' : stored(ENGINE_KEY) !== 'fast' && stored(USED_KEY) ? 'used' : 'no';
      if (why !== 'no') this.start(warm).catch(() => {});
    }
    html.dataset.pgExactPrepared = why;
  }

  fail(message) {
    this.drop();
    for (const w of this.waiting.values()) w.resolve({ errors: message, failed: true });
    this.waiting.clear();
  }

  // build resolves to the worker's answer: {wasm} or {errors}; its id
  // property is what abort takes.
  build(code) {
    // The reader's build would wait for a warm-up build under way (the
    // first takes seconds: the browser compiles as it runs); a new worker
    // given the loaded tools builds at once, with whatever code the
    // browser compiled for them so far, which workers share.
    if (this.warming && this.tools && !this.waiting.size) {
      this.drop();
      this.warming = false;
    } else if (this.warming) {
      // Still loading: it must not start warming up once loaded.
      this.worker?.postMessage({ type: 'cold' });
    }
    const id = ++this.seq;
    const built = new Promise((resolve) => this.waiting.set(id, { code, resolve }));
    this.start().then(() => this.send(id), () => {});
    built.id = id;
    return built;
  }

  send(id) {
    if (this.waiting.has(id)) this.worker.postMessage({ type: 'build', id, code: this.waiting.get(id).code });
  }

  // abort ends build id. Once the tools are loaded the worker is busy with
  // it or will be, and nothing stops the compiler but ending the worker:
  // a new one takes the kept tools and the other builds waiting.
  abort(id) {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    w.resolve({ errors: 'stopped', failed: true });
    if (!this.tools || !this.worker) return; // still loading: it was never sent
    this.drop();
    this.start().then(() => {
      for (const other of this.waiting.keys()) this.send(other);
    }, () => {});
  }
}

const toolchain = cfg.exact ? new Toolchain() : null;

// goErrors gives the compiler's messages as go run prints them, under
// the package's line (the compiler is given ./main.go, as go run names
// it); a package outside the playground is said in words.
function goErrors(errors) {
  const msg = '# command-line-arguments\n' + errors
    .replace(/could not import (\S+) \(open : [^)]*\)/g, (_, p) => T.notAvailable(p));
  return msg.endsWith('\n') ? msg : msg + '\n';
}

// inRaw says offset s of the Go source v is inside a raw string literal,
// reading comments and the other literals as Go's scanner does. q is what
// the text at i is in: a literal's opening quote, '/' (a line comment) or
// '*' (a block comment).
const inRaw = (v, s) => {
  let q = '';
  for (let i = 0; i < s; i++) {
    const c = v[i];
    if (q === '`' || q === '/') {
      if (c === (q === '/' ? '\n' : q)) q = '';
    } else if (q === '*') {
      if (c === '*' && v[i + 1] === '/') { q = ''; i++; }
    } else if (q) {
      if (c === '\\') i++;
      else if (c === q || c === '\n') q = '';
    } else if (c === '/' && (v[i + 1] === '/' || v[i + 1] === '*')) {
      q = v[++i];
    } else if (c === '`' || c === '"' || c === "'") {
      q = c;
    }
  }
  return q === '`';
};

// ERROR_LIMIT is the most positions an error output gets buttons for:
// go build stops at 10 errors.
const ERROR_LIMIT = 20;

// POSITION is where an error output names a line and a column.
const POSITION = /^((?:\.\/)?(?:\w+\.go:)?)(\d{1,6}):(\d{1,6})(?=:)/gm;

// HIGHLIGHT_LIMIT is the longest code the editor highlights (the site's
// longest program is about 2 KB).
const HIGHLIGHT_LIMIT = 16 << 10;

// BUILD_LIMIT is the exact engine's limit on one build, in seconds: hello
// world takes 1-3 s once the tools are warm, about 10 s on a first run;
// a program of the corpus that reads the runtime's statistics took over
// 30 s in Chromium on 2 CPUs kept busy by other work (2026-12-02). The
// limit is a backstop against a compiler kept busy without end, which
// Stop ends at any time: a slow phone's build must not meet it.
const BUILD_LIMIT = 60;

// LIMIT_GRACE is how long after the sandbox should have ended a run at its
// time limit the page ends it itself (ms).
const LIMIT_GRACE = 1000;

// BEAT_STALE is how long without a beat from the interpreter means it is
// computing (ms); it beats every 250 ms when free.
const BEAT_STALE = 1000;

// EARLY is how far into a run (s) Automatic stops waiting for an
// interpreter that is computing, when Go can run the program soon (its
// toolchain loaded, or in the browser's cache): compiled Go is many times
// faster, and the limit would make the reader wait for nothing.
const EARLY = 3;
// SPIN finds, in a program with a go statement, a loop that never ends by
// itself and has no call, block or way out: one with no condition (for {},
// for ;; {}, for i := 0; ; i++ {}), or whose condition is a name its body
// never mentions (for true {}, for !done { n++ }). Once it runs nothing
// else does in the browser (no signals to preempt it, in either engine),
// so no other goroutine can end it, and Go would not either. A condition
// of more than a name (for x == 0 {}) is not looked at.
const SPIN = /^(?=[^]*\bgo\s)[^]*\bfor(?:(\s[^;{]*;\s*;[^;{()]*)?\s*\{((?!return|break|goto|<-)[^{}()])*\}|\s+!?(\w+)\s*\{((?!return|break|goto|<-|\b\3\b)[^{}()])*\})/;
// spins tests code with SPIN, whose time grows with the square of the
// text, and more where its parts can split one run of spaces many ways (a
// shared program froze the page 12 s): each run of white space becomes
// one space, which changes no match (SPIN reads white space only as \s),
// and code over SPIN_MOST is not looked at (it runs to its limit, as it
// would in Go).
const SPIN_MOST = 16 << 10;
const spins = (code) => code.length <= SPIN_MOST && SPIN.test(code.replace(/\s+/g, ' '));
const ENGINE_KEY = 'gointernals-engine';
const USED_KEY = 'gointernals-exact-used'; // the toolchain built a program of the reader's

// stored and store read and write the reader's preferences; storage may
// be refused (private mode), and a choice then lasts for the page.
// toolsAt says whether the Go toolchain can build a program without a
// download: loaded in this page, or in the browser's HTTP cache (asked for
// the compiler, which comes and goes with the linker). That it built a
// program of the reader's before (USED_KEY) is not enough: the flag
// outlives an evicted cache and a deploy's new tools.
async function toolsAt() {
  if ('pgExactReady' in html.dataset) return true;
  return !!(cfg.exact && stored(USED_KEY)) && fetch(cfg.exact.compile, { cache: 'only-if-cached', mode: 'same-origin' }).then((r) => (r.body?.cancel(), r.ok), () => false);
}

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // refused
  }
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

class Playground {
  constructor(root) {
    this.root = root;
    this.id = root.dataset.playground;
    // The author fixed the engine: the Go toolchain, where the page has it.
    this.fixed = toolchain && root.dataset.engineFixed === 'exact';
    const pre = root.querySelector('pre.code');
    this.original = pre.textContent;
    this.runID = null;
    this.build(pre);
    this.setState('idle');
  }

  build(pre) {
    // The toolbar is one row however narrow the page: Run, Stop, and a
    // menu (a disclosure) for the rest, the engine choice included.
    const bar = el('div', { class: 'pg-bar', role: 'toolbar', 'aria-label': T.toolbar });
    this.more = el('button', { type: 'button', class: 'pg-more', 'aria-expanded': 'false', 'aria-controls': `pg-menu-${this.id}` }, T.more);
    this.menu = el('div', { class: 'pg-menu', id: `pg-menu-${this.id}`, hidden: '' });
    const button = (action, label, parent = this.menu) => {
      const b = el('button', { type: 'button', 'data-action': action, class: action === 'run' ? 'pg-primary' : null }, label);
      b.addEventListener('click', () => {
        this.openMenu(false);
        this[action]();
      });
      parent.append(b);
      return b;
    };
    this.runBtn = button('run', T.run, bar);
    this.stopBtn = button('stop', T.stop, bar);
    bar.append(this.more, this.menu);
    for (const a of ['reset', 'format', 'copy', 'share']) button(a, T[a]);
    this.more.addEventListener('click', () => this.openMenu(this.menu.hidden));
    document.addEventListener('pointerdown', (e) => {
      if (!this.more.contains(e.target) && !this.menu.contains(e.target)) this.openMenu(false);
    });
    bar.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.menu.hidden) this.openMenu(false);
    });
    // An engine the author fixed is no choice: the menu says it in words.
    if (this.fixed) this.menu.append(el('p', { class: 'pg-engine pg-fixed' }, T.fixed));
    else if (toolchain) {
      // The reader's choice, in the reader's words, with what it means.
      const label = el('label', { class: 'pg-engine' }, T.engine);
      this.pick = el('select', { 'data-engine-pick': '', 'aria-describedby': `pg-hint-${this.id}` });
      for (const [value, text] of [['auto', T.auto], ['fast', T.fast], ['exact', T.exact]]) {
        this.pick.append(el('option', { value }, text));
      }
      this.pick.value = stored(ENGINE_KEY) || 'auto';
      this.pick.addEventListener('change', () => {
        store(ENGINE_KEY, this.pick.value);
        for (const pg of playgrounds.values()) if (pg.pick) pg.pick.value = this.pick.value;
      });
      label.append(this.pick);
      this.menu.append(label, el('small', { class: 'pg-engine-hint', id: `pg-hint-${this.id}` }, T.engineHint));
    }

    const editor = el('div', { class: 'pg-editor' });
    this.gutter = el('div', { class: 'pg-lines', 'aria-hidden': 'true' });
    const stack = el('div', { class: 'pg-stack' });
    this.shadow = el('pre', { class: 'code language-go pg-shadow', 'aria-hidden': 'true' });
    this.shadowCode = el('code');
    this.shadow.append(this.shadowCode);
    this.area = el('textarea', {
      'data-editor': '', class: 'pg-input', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
      autocorrect: 'off', wrap: 'off', 'aria-label': T.editor,
    });
    this.area.value = this.original;
    stack.append(this.shadow, this.area);
    // The lines errors name, marked over the gutter and the code.
    this.marks = el('div', { class: 'pg-marks', 'aria-hidden': 'true' });
    editor.append(this.gutter, stack, this.marks);
    pre.replaceWith(editor);

    // The build's expected output becomes the output area; a run replaces it.
    let out = this.root.querySelector('.output');
    if (!out) {
      out = el('div', { class: 'output' });
      out.append(el('div', { class: 'output-label' }, T.output), el('pre', { tabindex: '0' }));
      this.root.append(out);
    }
    this.outLabel = out.querySelector('.output-label');
    this.outPre = out.querySelector('pre');
    this.outPre.setAttribute('data-output', '');
    this.outPre.id = `pg-${this.id}-out`;
    this.output = new Output(this.outPre);
    this.output.onslow = () => {
      if (this.root.dataset.state !== 'running') return;
      this.output.discard();
      this.halt(T.slowOutput);
    };
    this.outPre.setAttribute('aria-live', 'polite');
    this.expected = this.outPre.textContent;
    // A sample (the build's run of a program whose figures vary) is no
    // expected output.
    this.expectedLabel = out.hasAttribute('data-sample') ? T.sample : T.expected;
    if (this.expected) this.outLabel.textContent = this.expectedLabel;
    this.status = el('p', { class: 'pg-status', role: 'status', id: `pg-${this.id}-status` });
    this.engineNote = el('div', { class: 'pg-engine-note', 'data-engine-note': '' });
    this.notes = el('p', { class: 'pg-note', 'data-notes': '' });
    this.note(this.original);
    this.root.insertBefore(bar, editor);
    // Which engine ran the program, and why, is said above what it
    // printed: it is how to read it.
    this.outPre.before(this.engineNote);
    out.after(this.status, this.notes);

    this.area.addEventListener('input', () => this.sync());
    this.area.addEventListener('keydown', (e) => this.key(e));
    this.area.addEventListener('beforeinput', (e) => this.lineBreak(e));
    this.area.addEventListener('focus', () => {
      if (this.mode() !== 'exact') host.start().catch(() => {});
      toolchain?.prepare(this.mode() === 'exact');
    }, { once: true });
    this.sync();
  }

  mode() {
    return this.fixed ? 'exact' : this.pick ? this.pick.value : 'fast';
  }

  // note says, under the playground, where the browser is not the machine
  // go run runs on, for the code about to run: one thread, js/wasm, the
  // build a program reads (debug.ReadBuildInfo), no time zone database,
  // WebAssembly's page size.
  note(code) {
    this.notes.textContent = T.limit(cfg.limit) +
      (/\bgo\s+(func\b|[\w.[\]()]+\()|runtime\.GOMAXPROCS|runtime\.NumCPU/.test(code) ? ' ' + T.oneThread : '') +
      (/\bruntime\.GO(OS|ARCH)\b/.test(code) ? ' ' + T.platform : '') +
      (/\bdebug\.ReadBuildInfo\b/.test(code) ? ' ' + T.buildInfo : '') +
      (/\btime\.LoadLocation\b/.test(code) && !/"time\/tzdata"/.test(code) ? ' ' + T.zones : '') +
      (/\b(os|syscall)\.Getpagesize\b/.test(code) ? ' ' + T.pageSize : '');
  }

  sync() {
    const code = this.area.value;
    this.follow(this.synced ?? code, code);
    this.synced = code;
    const shown = code.endsWith('\n') ? code : code + '\n';
    // Highlighting runs on every keystroke: past a size no program of the
    // site comes near, the editor shows plain text and stays quick.
    if (code.length > HIGHLIGHT_LIMIT) this.shadowCode.textContent = shown;
    else this.shadowCode.innerHTML = highlight(shown);
    const n = code.split('\n').length - (code.endsWith('\n') ? 1 : 0);
    if (this.lines !== n) {
      this.lines = n;
      this.gutter.textContent = Array.from({ length: Math.max(n, 1) }, (_, i) => i + 1).join('\n');
    }
  }

  // follow keeps the error marks on their lines as the reader edits from
  // p to v (one replaced stretch, found from both ends, ending at the
  // caret: a line break typed after "{\n\t" is not one typed after the
  // tab): a mark below the edit moves by the lines it added or removed,
  // one on a line it edits stays; a mark goes when its line does (the
  // edit swallowed the line's start, or all of it). The positions in the
  // output follow (caret).
  follow(p, v) {
    if (!this.marked?.size || p === v) return;
    let s = 0;
    let e = 0;
    while (e < v.length - this.area.selectionEnd && e < p.length && p.at(~e) === v.at(~e)) e++;
    while (s < p.length - e && s < v.length - e && p[s] === v[s]) s++;
    const at = p.length - e;
    const delta = v.slice(s, -e || undefined).split('\n').length - p.slice(s, at).split('\n').length;
    for (const [k, m] of this.marked) {
      let o = 0;
      for (let n = m.line; --n > 0;) o = p.indexOf('\n', o) + 1;
      const end = (p.indexOf('\n', o) + 1 || p.length + 1) - 1;
      if (at <= o) m.style.setProperty('--line', (m.line += delta));
      else if (s < o || (s === o && at > end)) {
        m.remove();
        this.marked.delete(k);
      }
    }
    if (!this.marked.size) this.mark([]);
  }

  key(e) {
    const a = this.area;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      this.run();
      return;
    }
    if (e.key === 'Escape') {
      this.escaped = true; // the next Tab leaves the editor
      return;
    }
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      if (this.escaped) {
        this.escaped = false;
        return;
      }
      e.preventDefault();
      const { selectionStart: s, selectionEnd: end, value: v } = a;
      if (e.shiftKey) {
        const ls = v.lastIndexOf('\n', s - 1) + 1;
        if (v[ls] === '\t') this.edit(ls, ls + 1, '', s - 1, end - 1);
      } else if (s !== end && v.slice(s, end).includes('\n')) {
        const ls = v.lastIndexOf('\n', s - 1) + 1;
        const block = v.slice(ls, end).replace(/^/gm, '\t');
        this.edit(ls, end, block, s + 1, ls + block.length);
      } else {
        this.edit(s, end, '\t', s + 1, s + 1);
      }
      return;
    }
    this.escaped = false;
  }

  // A new line keeps the current line's indentation, one more after an
  // opening brace; a closing brace moves back out. Handled at beforeinput,
  // where every way of typing arrives (a key, an input method, a test
  // driver). Inside a raw string every character is the program's: a line
  // break there gets no indentation, a brace is not moved. Only those two
  // inputs read the source (inRaw), not every key.
  lineBreak(e) {
    if (this.editing) return;
    const brace = e.inputType === 'insertText' && (e.data === '}' || e.data === ')');
    if (!brace && !(e.inputType === 'insertLineBreak' || (e.inputType === 'insertText' && e.data === '\n'))) return;
    const { selectionStart: s, selectionEnd: end, value: v } = this.area;
    const ls = v.lastIndexOf('\n', s - 1) + 1;
    if (brace) {
      // A closing brace typed at the start of an indented line closes the
      // block: it moves one level out, as gofmt would put it.
      if (!/^\t+$/.test(v.slice(ls, s)) || inRaw(v, s)) return;
      e.preventDefault();
      this.edit(ls, end, v.slice(ls + 1, s) + e.data, s, s);
      return;
    }
    if (inRaw(v, s)) return;
    let indent = /^\t*/.exec(v.slice(ls, s))[0];
    if (/[{(]\s*$/.test(v.slice(ls, s))) indent += '\t';
    e.preventDefault();
    this.edit(s, end, '\n' + indent, s + 1 + indent.length, s + 1 + indent.length);
  }

  // edit replaces [from, to) keeping the browser's undo history where
  // execCommand is available.
  edit(from, to, text, selStart, selEnd) {
    const a = this.area;
    this.editing = true;
    // execCommand edits where the document's selection is, through the
    // editor's undo history: only into the focused editor (after a click
    // on Format the button has the focus, and text went in at the
    // editor's old cursor, the buffer twice). Where focusing would open a
    // touch keyboard, the edit is made without undo instead.
    if (document.activeElement !== a && !matchMedia('(pointer: coarse)').matches) a.focus({ preventScroll: true });
    a.setSelectionRange(from, to);
    if (document.activeElement !== a || !document.execCommand || !document.execCommand('insertText', false, text)) {
      a.setRangeText(text, from, to, 'end');
    }
    this.editing = false;
    a.setSelectionRange(selStart, selEnd);
    this.sync();
  }

  // openMenu opens or closes the toolbar's menu; closed while it holds
  // the focus, the focus goes back to its button.
  openMenu(open) {
    if (!open && this.menu.contains(document.activeElement)) this.more.focus();
    this.menu.hidden = !open;
    this.more.setAttribute('aria-expanded', String(open));
  }

  setState(state) {
    // What a program printed is on the page before it is said to be over.
    if (state === 'done' || state === 'error') this.output.flush();
    this.root.dataset.state = state;
    this.runBtn.disabled = state === 'running' || state === 'loading';
    this.stopBtn.disabled = !(state === 'running' || state === 'loading');
  }

  say(text) {
    this.status.textContent = text;
  }

  clearOutput() {
    this.output.clear();
    this.engineNote.textContent = '';
    this.outLabel.textContent = T.output;
    this.mark([]);
  }

  append(stream, text) {
    // Milliseconds from Run to the first output, for the latency benchmark.
    if (!this.root.dataset.firstOutput) this.root.dataset.firstOutput = String(Math.round(performance.now() - this.clicked));
    if (!this.output.append(stream, text)) this.halt(T.flood);
  }

  // tooLarge says, and returns true, when the program is past what Run and
  // Format take (the most a share link carries).
  tooLarge() {
    if (new TextEncoder().encode(this.area.value).length <= SHARE_LIMIT) return false;
    this.say(T.tooLarge(SHARE_LIMIT >> 10));
    return true;
  }

  async run() {
    if (this.root.dataset.state === 'running' || this.root.dataset.state === 'loading') return;
    if (this.tooLarge()) return;
    this.clicked = performance.now();
    delete this.root.dataset.firstOutput;
    delete this.root.dataset.prepareMs;
    delete this.root.dataset.ms;
    this.gen = (this.gen || 0) + 1;
    this.clearOutput();
    this.setState('loading');
    const mode = this.mode();
    this.auto = mode === 'auto';
    this.ran = this.area.value;
    this.note(this.ran);
    if (mode === 'exact') {
      this.runExact('');
      return;
    }
    this.root.dataset.engine = 'fast';
    const progress = this.progress(T.loading);
    host.onprogress.add(progress);
    if (!host.ready) this.say(T.loading);
    const gen = this.gen;
    try {
      const started = host.send(this, { type: 'run', code: this.ran, auto: mode === 'auto' });
      started.catch(() => {}); // its failure is host.ready's, handled below
      await host.ready;
      host.onprogress.delete(progress);
      if (gen !== this.gen) return; // stopped while the interpreter loaded
      this.setState('running');
      this.say(T.running);
      this.started = performance.now();
      this.runID = await started;
      this.limit(host.worker, BUILD_LIMIT, cfg.limit);
    } catch (err) {
      host.onprogress.delete(progress);
      if (gen !== this.gen) return; // stopped: halt said so
      this.setState('error');
      this.say(T.loadFailed + err.message);
    }
  }

  // runExact builds the program with the Go toolchain and runs it in a
  // runner worker of its own. why is the interpreter's reason for handing
  // it over (english: in the engine's words, which are English), or ''
  // when the reader picked this engine. The note says it in one plain
  // sentence; the reason is one tap away, under it.
  async runExact(why, english) {
    const gen = this.gen;
    this.root.dataset.engine = 'exact';
    this.engineNote.textContent = why ? '' : T.exactPicked;
    if (why) {
      const d = el('details');
      d.append(el('summary', {}, T.handedOver), el('div', { class: 'pg-why', lang: english ? 'en' : null }, why));
      this.engineNote.append(d);
    }
    this.setState('loading');
    const progress = this.progress(T.exactLoading);
    toolchain.onprogress.add(progress);
    if (!toolchain.ready) this.say(T.exactLoading); // once ready, "building" is said below
    this.dropRunner();
    // The runner starts while the program builds.
    const taking = runners.take();
    taking.catch(() => {}); // a failure is taken below, once the build is done
    let built;
    let runner = null;
    try {
      const pending = toolchain.build(this.ran);
      this.buildID = pending.id;
      // Once the tools are there, the build is under way. A program can
      // make the compiler work without end (a constant that doubles
      // itself): the build has a limit of its own. The build itself may
      // outlive this worker (Toolchain.abort of another playground's
      // build), so only pending is awaited.
      toolchain.ready.then(() => {
        if (gen !== this.gen || this.root.dataset.state !== 'loading') return;
        this.say(T.building);
        this.backstop(BUILD_LIMIT, false);
      }, () => {});
      built = await pending;
      runner = await taking;
    } catch (err) {
      built = { errors: err.message, failed: true };
      runner = await taking.catch(() => null);
    }
    toolchain.onprogress.delete(progress);
    if (gen === this.gen) clearTimeout(this.timer); // the build's limit
    const stopped = gen !== this.gen || this.root.dataset.state !== 'loading';
    if (stopped || !built.wasm) runners.give(runner); // it ran nothing
    if (stopped) return;
    this.root.dataset.builtMs = String(Math.round(performance.now() - this.clicked));
    if (built.ms) {
      this.root.dataset.compileMs = String(built.ms.compile ?? '');
      this.root.dataset.linkMs = String(built.ms.link ?? '');
      this.root.dataset.loadMs = JSON.stringify(toolchain.loadMs || {});
    }
    if (built.failed) {
      this.setState('error');
      this.say(T.exactFailed + built.errors);
      return;
    }
    if (built.errors) {
      this.append('stderr', goErrors(built.errors));
      this.setState('error');
      this.errors();
      this.root.dataset.ms = String(Math.round(performance.now() - this.clicked));
      this.say(T.exit(1, Math.round(performance.now() - this.clicked)));
      return;
    }
    const id = `${this.id}#exact${gen}`;
    this.runID = id;
    this.runner = runner;
    // A runner may say what the program printed and how it ended, and
    // nothing else (a program may have taken it over).
    this.runner.onmessage = (e) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'out') this.receive(m);
      else if (m.type === 'exit') this.finish({ ...m, exact: undefined, lingering: false });
    };
    this.runner.onerror = (e) => {
      if (this.runID === id) this.finish({ id, status: 2, error: e.message || 'runner error' });
    };
    // data-godebug: the GODEBUG its author wrote ({godebug="gctrace=1"}).
    this.runner.postMessage({ type: 'run', id, wasm: built.wasm, godebug: this.root.dataset.godebug || '' }, [built.wasm]);
    this.setState('running');
    this.say(T.running);
    this.started = performance.now();
    this.limit(this.runner);
  }

  // limit starts the run's time limit where its worker runs (the
  // sandbox), which ends the worker on time however busy the page is; the
  // page's own timer, a little later, is there should the sandbox not
  // answer. With then (the interpreter), seconds bound its check and
  // compile, and the program's start, which the worker tells the sandbox
  // too, begins the run's limit of then seconds (running).
  limit(worker, seconds = cfg.limit, then) {
    const id = this.runID;
    delete this.root.dataset.limitMs;
    worker?.limit(id, seconds, (at, from, started) => {
      if (this.runID !== id) return;
      this.root.dataset.limitMs = String(at - from);
      this.atLimit(started);
    }, then);
    this.backstop(seconds, !then);
  }

  // backstop is the page's own timer: the run's limit (started), or its
  // build's, a second later than the sandbox's (LIMIT_GRACE).
  backstop(seconds, started) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.atLimit(started), seconds * 1000 + LIMIT_GRACE);
  }

  // atLimit ends a run at its time limit. On Automatic, an interpreter
  // that had stopped answering was computing, not waiting (a program that
  // sleeps or blocks leaves it free to say so): the interpreter is many
  // times slower than compiled Go, so its limit says nothing about the
  // program, and Go runs it from the start, with a limit of its own.
  atLimit(started = true) {
    if (!started) this.halt(T.buildTimeout(BUILD_LIMIT));
    else if (this.computing()) this.handOver(cfg.limit);
    else this.halt(T.timeout(cfg.limit));
  }

  // running: the interpreter has compiled the program and starts it.
  // Automatic's EARLY counts from here: the check and the compile before
  // are the engine's time, seconds in a fresh interpreter on a busy
  // machine, and a small program that waited on them is no slow program.
  // The time limit too, as for Go's build and run (the sandbox starts it,
  // told by the worker; the page's backstop here). data-prepare-ms is the
  // time before, for tests.
  running(id) {
    if (this.runID !== id) return;
    const now = performance.now();
    this.root.dataset.prepareMs = String(Math.round(now - this.started));
    this.started = this.beat = now;
    this.backstop(cfg.limit, true);
    if (this.auto && EARLY < cfg.limit) this.early(id, EARLY);
  }

  // early hands a computing program to Go at s seconds into its run, or
  // looks again a second later, when Go could run it soon.
  early(id, s) {
    setTimeout(async () => {
      if (this.runID !== id) return;
      if (this.computing() && spins(this.ran)) return this.halt(T.timeout(s));
      if (this.computing() && (await toolsAt()) && this.runID === id && this.computing()) this.handOver(s);
      else if (this.runID === id) this.early(id, s + 1);
    }, (s === EARLY ? EARLY : 1) * 1000);
  }

  computing() {
    return this.root.dataset.engine === 'fast' && this.mode() === 'auto' && this.runID && performance.now() - this.beat > BEAT_STALE;
  }

  handOver(s) {
    clearTimeout(this.timer);
    host.listeners.delete(this.runID); // handed over, not abandoned
    this.runID = null;
    host.restart(); // the only way to end the computation
    this.clearOutput();
    this.runExact(T.tooSlow(s));
  }

  receive(m) {
    if (m.type === 'beat') this.beat = performance.now();
    else if (m.type === 'running') this.running(m.id);
    else if (m.type === 'out') this.append(m.stream, m.data);
    else if (m.type === 'exit' && m.exact !== undefined) {
      // The interpreter handed the program over: nothing it printed counts.
      // Goroutines it left blocked (a deadlock handed over) end only
      // with the worker, as after any run (lingering).
      clearTimeout(this.timer);
      host.done(m.id, m.lingering);
      this.runID = null;
      this.clearOutput();
      this.runExact(m.exact, true);
    } else if (m.type === 'exit') this.finish(m);
    else if (m.type === 'formatted') this.formatted(m);
  }

  async finish(m) {
    if (m.flood) return this.halt(T.flood);
    clearTimeout(this.timer);
    host.done(m.id, m.lingering);
    this.runID = null;
    this.dropRunner();
    this.root.dataset.runMs = String(Math.round(performance.now() - this.started));
    // What the program printed is on the page before it is said to be
    // over; the page answers the reader meanwhile (Stop still ends it).
    const gen = this.gen;
    const complete = await this.output.drain();
    if (gen !== this.gen) return;
    if (m.error) {
      // The engine's own words, past the output's bounds if need be.
      this.output.append('stderr', (this.output.midLine ? '\n' : '') + m.error + '\n', true);
    }
    if (m.more && (await this.listErrors(gen), gen !== this.gen)) return;
    // The reader is told the time since the click, downloads, builds and
    // hand-overs included: what they waited. The run alone is for tests.
    const waited = Math.round(performance.now() - this.clicked);
    this.root.dataset.ms = String(waited);
    this.setState(m.status === 0 && !m.error && complete ? 'done' : 'error');
    if (m.status || m.error) this.errors();
    this.say(complete ? T.exit(m.status, waited) : T.slowOutput);
    if (m.overflow) this.engineNote.append(el('p', {}, T.browserStack));
    if (m.invalid) this.engineNote.append(el('p', {}, T.notUTF8));
  }

  // listErrors follows the interpreter's first compile error (it stops
  // there). Where the Go toolchain is loaded, or its files are in the
  // browser's cache (it built a program of the reader's before), it
  // compiles the program, and its list, go build's, replaces the
  // interpreter's; the note says whose list the reader sees, or, without
  // the toolchain, that the Go compiler may find more. Nothing is
  // downloaded for it.
  async listErrors(gen) {
    this.engineNote.textContent = T.moreErrors;
    if (!toolchain || !(await toolsAt()) || gen !== this.gen) return;
    this.say(T.building);
    this.listing = true;
    const pending = toolchain.build(this.ran);
    this.buildID = pending.id;
    this.backstop(BUILD_LIMIT, false);
    const built = await pending;
    this.listing = false;
    if (gen !== this.gen) return;
    clearTimeout(this.timer);
    if (built.wasm) this.engineNote.textContent = T.interpreterOnly;
    else if (!built.failed) {
      this.clearOutput();
      this.append('stderr', goErrors(built.errors));
      this.engineNote.textContent = T.allErrors;
    }
  }

  // halt ends the running program the only way WebAssembly allows: by
  // dropping its worker. The page keeps working; the next run starts a
  // fresh interpreter. The run is over: nothing of it (an early hand-over,
  // a limit) may act on the next.
  halt(message) {
    clearTimeout(this.timer);
    this.output.settle();
    this.gen = (this.gen || 0) + 1; // a build still under way is dropped when it ends
    // A build under way ends (the toolchain's, or its list of errors after
    // the interpreter's run); a finished one is no longer the toolchain's.
    toolchain?.abort(this.buildID);
    if (this.root.dataset.engine === 'exact') this.dropRunner();
    else if (!this.listing) host.restart();
    this.runID = null;
    this.setState('error');
    this.say(message);
  }

  // dropRunner ends the exact engine's runner of this playground; the
  // toolchain's worker stays, with its compiled modules.
  dropRunner() {
    this.runner?.terminate();
    this.runner = null;
  }

  stop() {
    if (this.root.dataset.state === 'running' || this.root.dataset.state === 'loading') this.halt(T.stopped);
  }

  abandoned() {
    clearTimeout(this.timer);
    if (this.root.dataset.state === 'running' || this.root.dataset.state === 'loading') {
      this.setState('error');
      this.say(T.stopped);
    }
  }

  crashed(message) {
    // On Automatic, a program that made the interpreter itself fail is
    // the Go toolchain's to run: the reader sees Go's output, not the
    // interpreter's failure.
    clearTimeout(this.timer);
    if (this.pick?.value === 'auto' && this.root.dataset.engine === 'fast' && this.root.dataset.state === 'running') {
      this.runID = null;
      this.clearOutput();
      this.runExact(T.interpreterFailed);
      return;
    }
    this.setState('error');
    this.say(T.crashed + (message ? ` (${message})` : ''));
  }

  reset() {
    this.area.value = this.original;
    this.sync();
    this.clearOutput();
    this.note(this.original);
    if (this.expected) {
      this.outPre.textContent = this.expected;
      this.outLabel.textContent = this.expectedLabel;
    }
    this.say('');
    this.setState('idle');
  }

  async format() {
    if (this.tooLarge()) return;
    try {
      await host.send(this, { type: 'format', code: this.area.value });
    } catch (err) {
      this.say(T.loadFailed + err.message);
    }
  }

  formatted(m) {
    host.done(m.id);
    if (m.error) {
      this.say(m.error);
      this.markAt(m.error);
      return;
    }
    // gofmt can make a short program long (deep nesting, one brace per
    // line): past what Run takes, the editor keeps what the reader wrote.
    if (new TextEncoder().encode(m.code).length > SHARE_LIMIT) {
      this.say(T.tooLarge(SHARE_LIMIT >> 10));
      return;
    }
    // Nothing to change changes nothing, not even the undo history.
    if (m.code !== this.area.value) this.edit(0, this.area.value.length, m.code, 0, 0);
    this.say(T.formatted);
  }

  // markAt marks the line of a "line:col: ..." message of the status.
  markAt(msg) {
    const pos = /^(\d+):(\d+)/.exec(msg);
    this.mark(pos ? [Number(pos[1])] : [], this.status);
  }

  // errors marks the editor's lines the error output names ("line:col:"
  // at a line's start, after a file's name or not, as go build and the
  // interpreter write them) and makes each position a button that puts
  // the editor's caret there. The output stays text: the buttons are
  // made with the DOM, from the digits, at most ERROR_LIMIT of them.
  errors() {
    const found = [];
    const walk = document.createTreeWalker(this.outPre, NodeFilter.SHOW_TEXT);
    for (let n; found.length < ERROR_LIMIT && (n = walk.nextNode());) {
      if (n.parentNode.dataset.stream !== 'stderr') continue;
      for (const m of n.data.matchAll(POSITION)) {
        if (found.length < ERROR_LIMIT && Number(m[2]) <= this.lines) found.push([n, m]);
      }
    }
    // From the last, so that the positions before stay where they were.
    for (const [n, m] of found.slice().reverse()) {
      const line = Number(m[2]);
      const col = Number(m[3]);
      const b = el('button', { type: 'button', class: 'pg-at', title: T.goTo(line, col) }, `${line}:${col}`);
      b.addEventListener('click', () => this.caret(line, col));
      const at = m.index + m[1].length;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + b.textContent.length);
      r.deleteContents();
      r.insertNode(b);
    }
    this.mark(found.map(([, m]) => Number(m[2])));
  }

  // caret puts the editor's caret at line:col, the column in bytes, as Go
  // counts it; the line where its mark moved since (follow).
  caret(line, col) {
    const m = this.marked.get(line);
    line = m?.line || line;
    const v = this.area.value;
    let i = 0;
    for (let l = 1, nl; l < line && (nl = v.indexOf('\n', i)) >= 0; l++) i = nl + 1;
    for (let b = 1; b < col && i < v.length && v[i] !== '\n';) {
      const c = v.codePointAt(i);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += c > 0xffff ? 2 : 1;
    }
    m?.scrollIntoView({ block: 'nearest' });
    this.area.focus({ preventScroll: true });
    this.area.setSelectionRange(i, i);
  }

  // progress returns a listener that says label and the share loaded.
  // progress returns a listener of a download's progress that speaks for
  // this run only: a download goes on after its run was stopped, and
  // another playground's run may be what it serves next.
  progress(label) {
    const gen = this.gen;
    return (loaded, total) => {
      if (gen === this.gen && this.root.dataset.state === 'loading') this.say(label + (total ? ` ${Math.min(100, Math.round((100 * loaded) / total))}%` : ''));
    };
  }

  // mark marks lines of the editor as wrong: a band and a cross over
  // each, and, for assistive technology, the editor invalid and described
  // by what says why (the output, or the status).
  mark(lines, by = this.outPre) {
    this.marked = new Map();
    for (const n of lines) {
      if (this.marked.has(n)) continue;
      const m = el('span', { class: 'pg-mark' });
      m.style.setProperty('--line', (m.line = n));
      this.marked.set(n, m);
    }
    this.marks.replaceChildren(...this.marked.values());
    for (const [k, v] of [['aria-invalid', 'true'], ['aria-describedby', by.id]]) {
      if (lines.length) this.area.setAttribute(k, v);
      else this.area.removeAttribute(k);
    }
  }

  // Refused the clipboard, Copy selects the code for the reader's own copy.
  async copy() {
    try {
      await navigator.clipboard.writeText(this.area.value);
      this.say(T.copied);
    } catch {
      this.area.focus();
      this.area.select();
      this.say(T.selected);
    }
  }

  async share() {
    if (this.tooLarge()) return;
    const frag = await encode(this.id, this.area.value);
    history.replaceState(null, '', frag);
    await navigator.clipboard?.writeText(location.href).catch(() => {});
    this.say(T.shared);
  }
}

const playgrounds = new Map();
for (const root of document.querySelectorAll('[data-playground]')) {
  playgrounds.set(root.dataset.playground, new Playground(root));
}

// A reader who runs programs with the Go toolchain finds it loaded on the
// next page: once the page is idle, it is started when they picked it
// (and warmed up, as focusing an editor would, which then finds it
// started) or it ran a program before (prepare says when not).
if (toolchain && playgrounds.size) {
  const picked = stored(ENGINE_KEY) === 'exact';
  (self.requestIdleCallback || ((f) => setTimeout(f, 1000)))(() => toolchain.prepare(picked, picked), { timeout: 3000 });
}

// A reader finds the interpreter loaded: its download starts when a
// playground first comes into view, unless the connection asks to save
// data (or the reader picked the Go toolchain). html[data-pg-fast-prepared]
// says what the page decided: 'view', 'exact' or 'save-data'.
if (playgrounds.size) {
  if (navigator.connection?.saveData) html.dataset.pgFastPrepared = 'save-data';
  else if (self.IntersectionObserver) {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      const exact = stored(ENGINE_KEY) === 'exact';
      html.dataset.pgFastPrepared = exact ? 'exact' : 'view';
      if (!exact) host.start().catch(() => {});
    });
    for (const pg of playgrounds.values()) seen.observe(pg.root);
  }
}

// A share link opens with the shared code in its playground, also when
// the reader follows one from the same page.
const openShared = () => decode(location.hash).then((shared) => {
  const pg = shared && playgrounds.get(shared.id);
  if (!pg) return;
  pg.root.scrollIntoView({ block: 'center' });
  if (shared.tooLarge) {
    pg.say(T.shareTooLarge(SHARE_LIMIT >> 10));
    return;
  }
  pg.area.value = shared.code;
  pg.sync();
  pg.area.focus({ preventScroll: true });
  // Invisible characters make a link's code read otherwise than Go runs
  // it (Default_Ignorable_Code_Point, which holds every Bidi_Control):
  // Unicode's bidirectional controls reorder a comment's or a
  // string's text ("Trojan Source"; the editor keeps each in its place,
  // playground.css), and others show as nothing (a zero-width space in a
  // string compared, a form feed or another control character but the
  // tab); and Unicode's paragraph separators (those Go allows in a string
  // or a comment: \x1c-\x1e and \x85 are controls too) end an isolate,
  // which lets what follows them on the line move the code around it.
  // Their lines are marked, and the reader told; counted in the editor's
  // text, where a lone \r is a line's end too.
  const lines = pg.area.value.split('\n').flatMap((l, i) => (/(?!\t)[\p{DI}\p{Cc}\u2029]/u.test(l) ? [i + 1] : []));
  pg.mark(lines, pg.status);
  pg.say(lines[0] ? T.invisible(lines) : '');
});
openShared();
window.addEventListener('hashchange', openShared);
