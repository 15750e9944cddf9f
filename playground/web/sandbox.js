// The sandbox: the one place where a reader's program runs. The page
// writes this script into a hidden frame (srcdoc) with the sandbox
// attribute and no allow-same-origin, so the frame has an opaque origin:
// nothing of the site's origin is reachable from here, neither its Cache
// API, IndexedDB, storage and service worker, nor the page's DOM. On top
// of the site's policy, which it inherits, the frame's own policy lets
// nothing be fetched (connect-src 'none') and no script run but this one
// (by its hash), and the workers it starts inherit both. A program that
// takes over JavaScript inside a worker (through //go:wasmimport, a forged
// function value, a bug of the interpreter) can compute and post messages
// to the page, which reads them as data.
//
// The frame starts workers and ends them; it never sees what they say to
// the page.
// Protocol, over the MessagePort the page sends with its message
// {type:'connect', port}:
//   page → frame  {type:'start', key, kind: 'fast'|'runner', port}
//                     start a worker of kind; port is the page's end of a
//                     channel the worker talks on from then on
//                 {type:'end', key}   terminate that worker
//                 {type:'limit', key, run, ms, then}  terminate that
//                     worker ms from now, unless {type:'unlimit', key,
//                     run} comes first: a run's time limit. With then, ms
//                     is the interpreter's for checking and compiling, and
//                     the program's start begins a limit of then ms
//   frame → page  {type:'ready'} once connected
//                 {type:'error', key, message} when a worker fails to load
//                     or throws
//                 {type:'limit', key, run, at, from, started} the worker
//                     was terminated at run's time limit, at (Date.now())
//                     then, the limit counted from from; started: the
//                     program's own limit, not its compile's
//
// The limit is kept here, next to the worker, rather than in the page: a
// page busy laying out a flood of output would notice it late, while the
// program went on running. So is the program's start: the frame hears
// one thing from a worker, {type:'running', run}, which begins run's own
// limit, once.
//
// Worker sources are part of this script (the build embeds them and Go's
// wasm_exec.js, which each runs first, in ./sources.js), so its hash in
// the policy pins them too.

import { sources, wasmExec } from './sources.js';

const workers = new Map(); // key → Worker
const limits = new Map(); // key → Map(run → timer)
const urls = {};

// A document that is not opaque is not the page's sandboxed frame: then
// this script does nothing, so reader code never runs with the site's
// origin.
const sandboxed = self.origin === 'null' && window.parent !== window;

if (sandboxed) {
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || !e.data || e.data.type !== 'connect' || !(e.data.port instanceof MessagePort)) return;
    connect(e.data.port);
  });
}

function connect(control) {
  control.onmessage = (e) => {
    const m = e.data;
    if (!m || typeof m.key !== 'string') return;
    if (m.type === 'start' && Object.hasOwn(sources, m.kind) && m.port instanceof MessagePort) start(control, m);
    else if (m.type === 'end') end(m.key);
    else if (m.type === 'limit' && typeof m.run === 'string' && m.ms > 0 && !(m.then <= 0)) limit(control, m);
    else if (m.type === 'unlimit' && typeof m.run === 'string') {
      clearTimeout(limits.get(m.key)?.get(m.run)?.timer);
      limits.get(m.key)?.delete(m.run);
    }
  };
  control.postMessage({ type: 'ready' });
}

function start(control, { key, kind, port }) {
  end(key);
  let w;
  try {
    urls[kind] ||= URL.createObjectURL(new Blob([PORT_SHIM, wasmExec, '\n', sources[kind]], { type: 'text/javascript' }));
    w = new Worker(urls[kind]);
  } catch (err) {
    control.postMessage({ type: 'error', key, message: String(err?.message || err) });
    return;
  }
  w.onerror = (e) => {
    e.preventDefault();
    control.postMessage({ type: 'error', key, message: e.message || 'worker error' });
  };
  // The one thing a worker tells the frame, once a run: its program
  // started (the interpreter's word, after its check and compile).
  // The page arms the limit as it sends the run, well before the
  // interpreter has checked and compiled it; a word for a run without one
  // is dropped (the page's backstop then keeps the limit).
  w.onmessage = (e) => e.data?.type === 'running' && limits.get(key)?.get(e.data.run)?.start?.();
  // The worker's first message is its channel to the page.
  w.postMessage({ port }, [port]);
  workers.set(key, w);
}

function end(key) {
  workers.get(key)?.terminate();
  workers.delete(key);
  for (const r of limits.get(key)?.values() || []) clearTimeout(r.timer);
  limits.delete(key);
}

function limit(control, { key, run, ms, then }) {
  if (!workers.has(key)) return;
  if (!limits.has(key)) limits.set(key, new Map());
  const runs = limits.get(key);
  // start, until the program's own limit is armed, arms it.
  const arm = (ms, started) => {
    const from = Date.now();
    clearTimeout(runs.get(run)?.timer);
    const timer = setTimeout(() => {
      end(key);
      control.postMessage({ type: 'limit', key, run, at: Date.now(), from, started });
    }, ms);
    runs.set(run, { timer, start: started ? null : () => arm(then, true) });
  };
  arm(ms, !then);
}

// PORT_SHIM runs first in every worker: it takes the channel to the page
// from the frame's first message and makes self.postMessage and
// self.onmessage speak over it, so the worker scripts (and the Go side,
// which calls the global postMessage) are the same as in a plain worker;
// a program's start ('running') it tells the frame too. It is portShim's
// source, minified with this script: the function reaches nothing of it.
function portShim() {
  let port = null;
  const early = [];
  const toFrame = self.postMessage.bind(self);
  self.postMessage = (m, t) => {
    if (m && m.type === 'running') toFrame({ type: 'running', run: m.id });
    port ? port.postMessage(m, t) : early.push([m, t]);
  };
  self.addEventListener('message', (e) => {
    e.stopImmediatePropagation();
    if (port || !(e.data && e.data.port instanceof MessagePort)) return;
    port = e.data.port;
    port.onmessage = (ev) => self.onmessage && self.onmessage(ev);
    for (const [m, t] of early.splice(0)) port.postMessage(m, t);
  });
}

const PORT_SHIM = `(${portShim})();\n`;
