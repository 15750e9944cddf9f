// runGo runs one Go program compiled to WebAssembly to its end, behind the
// file system fs (a MemFS), and returns its exit status. A compiled
// WebAssembly.Module is reused: only the instance is new on each call,
// since a Go instance cannot run twice.
//
// Go reads globalThis.fs and globalThis.process when its syscall package
// starts, so runs in one worker must not overlap; the callers await each
// run before the next.

import { goProcess } from './memfs.js';

// env adds to the program's environment (GODEBUG, which the runtime
// reads at start; the linker's GOROOT). asleep, if given, is called just
// before Go is told of a deadlock: what it writes after that is its
// report.
export async function runGo(module, fs, argv, env = {}, asleep = () => {}) {
  globalThis.fs = fs.asNodeFS();
  globalThis.process = goProcess(() => fs.cwd);
  const go = new self.Go();
  go.argv = argv;
  go.env = { ...env, HOME: '/tmp', TMPDIR: '/tmp', PWD: fs.cwd };
  let status = 0;
  go.exit = (code) => {
    status = code;
  };
  // Go pauses whenever none of its goroutines can run, and gives control
  // back to JavaScript; here only a timer it asked for wakes it (the file
  // system answers at once, within the call). Paused with no timer
  // pending, nothing can ever wake it again: a deadlock. Event 0 is how
  // wasm_exec.js's own Node host has Go's runtime say so, in its words
  // ("fatal error: all goroutines are asleep - deadlock!", the goroutines'
  // traces, status 2), where a browser would wait forever.
  //
  // Go's runtime reads event 0 through syscall/js, so only a program
  // that linked it can be told; syscall's initialisation calls into it
  // first thing.
  let linked = false;
  const imports = go.importObject.gojs;
  for (const name of Object.keys(imports)) {
    if (!name.startsWith('syscall/js.')) continue;
    const f = imports[name];
    imports[name] = (sp) => {
      linked = true;
      return f(sp);
    };
  }
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const resume = go._resume.bind(go);
  let checking = 0;
  const check = () => {
    checking = 0;
    if (!linked || go.exited || go._scheduledTimeouts.size > 0) return;
    asleep();
    go._pendingEvent = { id: 0 };
    resume();
  };
  // Checked once the timer's own callback is over: wasm_exec.js clears
  // the timer that woke Go only after resuming it.
  const paused = () => {
    checking ||= setTimeout(check, 0);
  };
  // A file system call (a file's write, open, stat: not standard output's
  // writes, generator/assets/stdoverlay.go) calls back into Go, which runs
  // the other goroutines within the call: if one of them ends the program
  // there, wasm_exec.js, back in the call's import, reads the instance it
  // dropped at the exit and throws ("Cannot read properties of
  // undefined"). The program did end, with its status.
  const over = (err) => {
    if (!go.exited) throw err;
  };
  go._resume = () => {
    try {
      resume();
    } catch (err) {
      over(err);
    }
    paused();
  };
  const running = go.run(instance);
  paused();
  await running.catch(over);
  clearTimeout(checking);
  // Goroutines still asleep when main returned leave timers behind, and
  // each would throw "Go program has already exited" into whatever the
  // worker runs next. wasm_exec.js keeps them in this map.
  for (const t of go._scheduledTimeouts?.values() || []) clearTimeout(t);
  return status;
}
