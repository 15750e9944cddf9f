// runGo runs one Go program compiled to WebAssembly to its end, behind the
// file system fs (a MemFS), and returns its exit status. A compiled
// WebAssembly.Module is reused: only the instance is new on each call,
// since a Go instance cannot run twice.
//
// Go reads globalThis.fs and globalThis.process when its syscall package
// starts, so runs in one worker must not overlap; the callers await each
// run before the next.

import { goProcess } from './memfs.js';

export async function runGo(module, fs, argv) {
  globalThis.fs = fs.asNodeFS();
  globalThis.process = goProcess(() => fs.cwd);
  const go = new self.Go();
  go.argv = argv;
  go.env = { HOME: '/tmp', TMPDIR: '/tmp', PWD: fs.cwd };
  let status = 0;
  go.exit = (code) => {
    status = code;
  };
  const instance = await WebAssembly.instantiate(module, go.importObject);
  await go.run(instance);
  // Goroutines still asleep when main returned leave timers behind, and
  // each would throw "Go program has already exited" into whatever the
  // worker runs next. wasm_exec.js keeps them in this map.
  for (const t of go._scheduledTimeouts?.values() || []) clearTimeout(t);
  return status;
}
