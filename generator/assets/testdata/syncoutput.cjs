// Loaded with node --require before Go's wasm_exec_node.js, which hands
// Node's own fs to Go as globalThis.fs. Node's fs.write goes through
// libuv's thread pool, so two writes with callbacks that do nothing
// (syncOutputOverlay's, for standard output and error) can reach the pipe
// in either order: under load, exact.wasm printed its first two lines
// swapped (TestMaxProcsOverlay in a CI rehearsal). The page's file system
// (playground/web/memfs.js, asNodeFS) takes the bytes within the call;
// this makes Node's do so too for fd 1 and 2, so what the tests compare
// is the order the program wrote in. Other files keep Node's write.
"use strict";

const fs = require("fs");
const write = fs.write;

fs.write = function (fd, buf, offset, length, position, callback) {
  if (fd !== 1 && fd !== 2) {
    return write.apply(fs, arguments);
  }
  let n;
  try {
    n = 0;
    while (n < length) {
      try {
        n += fs.writeSync(fd, buf, offset + n, length - n);
      } catch (err) {
        // A pipe that libuv made non-blocking is full: wait, then write on.
        if (err.code !== "EAGAIN") throw err;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      }
    }
  } catch (err) {
    callback(err);
    return;
  }
  callback(null, n);
};
