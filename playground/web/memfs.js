// An in-memory file system with the shape of Node's callback fs API, the
// part of it that Go's syscall package uses under GOOS=js
// (syscall/fs_js.go): Go programs compiled to WebAssembly, the compiler
// and the linker among them, do their file I/O through globalThis.fs.
//
// Files live in a Map from absolute path to a node. Base files (the
// standard-library archives) are shared between runs without copying: a
// node points at the base bytes until something writes to it. Writes to
// descriptors 1 and 2 go to the out callback instead of a file, with
// whether Go's runtime wrote them itself (see asNodeFS).

// Flag values Go reads from fs.constants; they are Node's (Linux) values,
// so a Go program sees the same numbers it would under Node.
const constants = {
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
};

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

function fsError(code, path) {
  const err = new Error(`${code}: ${path}`);
  err.code = code;
  return err;
}

function normalize(p) {
  const out = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export class MemFS {
  // base maps absolute paths to bytes that the file system starts with
  // and never modifies. out(fd, bytes, runtime) receives standard output
  // and error.
  constructor(base, out, cwd = '/tmp') {
    this.nodes = new Map();
    this.dirs = new Set(['/']);
    this.fds = new Map();
    this.nextFd = 3;
    this.cwd = cwd;
    this.out = out;
    this.mkdirAll(cwd);
    for (const [p, data] of base || []) this.put(p, data, true);
  }

  resolve(p) {
    return normalize(p.startsWith('/') ? p : this.cwd + '/' + p);
  }

  mkdirAll(p) {
    for (let d = normalize(p); !this.dirs.has(d); d = normalize(d + '/..')) this.dirs.add(d);
  }

  // put creates or replaces a file; shared bytes are copied before the
  // first write to them.
  put(p, data, shared = false) {
    const abs = this.resolve(p);
    this.mkdirAll(abs + '/..');
    this.nodes.set(abs, { data, size: data.length, shared, mtime: Date.now() });
  }

  // get returns a file's bytes, or undefined.
  get(p) {
    const n = this.nodes.get(this.resolve(p));
    return n && n.data.subarray(0, n.size);
  }

  stat(p) {
    const abs = this.resolve(p);
    if (this.dirs.has(abs)) return this.statOf(S_IFDIR | 0o755, 0, 0);
    const n = this.nodes.get(abs);
    if (!n) throw fsError('ENOENT', p);
    return this.statOf(S_IFREG | 0o644, n.size, n.mtime);
  }

  statOf(mode, size, mtime) {
    return {
      dev: 1, ino: 0, mode, nlink: 1, uid: 0, gid: 0, rdev: 0, size, blksize: 4096,
      blocks: Math.ceil(size / 512), atimeMs: mtime, mtimeMs: mtime, ctimeMs: mtime,
      isDirectory: () => (mode & S_IFDIR) !== 0,
    };
  }

  file(fd) {
    const f = this.fds.get(fd);
    if (!f) throw fsError('EBADF', String(fd));
    return f;
  }

  openSync(p, flags) {
    const abs = this.resolve(p);
    if (this.dirs.has(abs)) {
      if (flags & (constants.O_WRONLY | constants.O_RDWR)) throw fsError('EISDIR', p);
      const fd = this.nextFd++;
      this.fds.set(fd, { path: abs, dir: true, pos: 0 });
      return fd;
    }
    if (flags & constants.O_DIRECTORY) throw fsError(this.nodes.has(abs) ? 'ENOTDIR' : 'ENOENT', p);
    let n = this.nodes.get(abs);
    if (n && flags & constants.O_CREAT && flags & constants.O_EXCL) throw fsError('EEXIST', p);
    if (!n) {
      if (!(flags & constants.O_CREAT)) throw fsError('ENOENT', p);
      if (!this.dirs.has(normalize(abs + '/..'))) throw fsError('ENOENT', p);
      n = { data: new Uint8Array(0), size: 0, shared: false, mtime: Date.now() };
      this.nodes.set(abs, n);
    }
    if (flags & constants.O_TRUNC) n.size = 0;
    const fd = this.nextFd++;
    this.fds.set(fd, { path: abs, node: n, pos: 0, append: (flags & constants.O_APPEND) !== 0 });
    return fd;
  }

  readSync(fd, buf, offset, length, position) {
    // Standard input is empty, as go run's is when nothing is piped in.
    if (fd === 0) return 0;
    const f = this.file(fd);
    if (f.dir) throw fsError('EISDIR', f.path);
    const at = position === null || position === undefined ? f.pos : position;
    const n = Math.max(0, Math.min(length, f.node.size - at));
    buf.set(f.node.data.subarray(at, at + n), offset);
    if (position === null || position === undefined) f.pos += n;
    return n;
  }

  writeSync(fd, buf, offset = 0, length = buf.length - offset, position = null) {
    const bytes = buf.subarray(offset, offset + length);
    if (fd === 1 || fd === 2) {
      this.out(fd, bytes);
      return length;
    }
    const f = this.file(fd);
    if (f.dir) throw fsError('EISDIR', f.path);
    const n = f.node;
    const at = f.append ? n.size : position === null || position === undefined ? f.pos : position;
    const end = at + length;
    if (n.shared || end > n.data.length) {
      const grown = new Uint8Array(Math.max(end, n.shared ? n.size : 2 * n.data.length, 4096));
      grown.set(n.data.subarray(0, n.size));
      n.data = grown;
      n.shared = false;
    }
    n.data.set(bytes, at);
    n.size = Math.max(n.size, end);
    n.mtime = Date.now();
    if (position === null || position === undefined) f.pos = end;
    return length;
  }

  readdirSync(p) {
    const abs = this.resolve(p);
    if (!this.dirs.has(abs)) throw fsError(this.nodes.has(abs) ? 'ENOTDIR' : 'ENOENT', p);
    const prefix = abs === '/' ? '/' : abs + '/';
    const names = new Set();
    for (const k of [...this.dirs, ...this.nodes.keys()]) {
      if (k.startsWith(prefix) && k.length > prefix.length) names.add(k.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }

  unlinkSync(p) {
    const abs = this.resolve(p);
    if (!this.nodes.delete(abs)) throw fsError(this.dirs.has(abs) ? 'EISDIR' : 'ENOENT', p);
  }

  renameSync(from, to) {
    const a = this.resolve(from);
    const b = this.resolve(to);
    const n = this.nodes.get(a);
    if (!n) throw fsError('ENOENT', from);
    this.nodes.delete(a);
    this.nodes.set(b, n);
  }

  mkdirSync(p) {
    const abs = this.resolve(p);
    if (this.dirs.has(abs) || this.nodes.has(abs)) throw fsError('EEXIST', p);
    if (!this.dirs.has(normalize(abs + '/..'))) throw fsError('ENOENT', p);
    this.dirs.add(abs);
  }

  rmdirSync(p) {
    const abs = this.resolve(p);
    if (!this.dirs.has(abs)) throw fsError('ENOENT', p);
    if (this.readdirSync(abs).length) throw fsError('ENOTEMPTY', p);
    this.dirs.delete(abs);
  }

  truncateNode(n, length) {
    if (length > n.data.length || n.shared) {
      const grown = new Uint8Array(Math.max(length, n.size));
      grown.set(n.data.subarray(0, Math.min(n.size, length)));
      n.data = grown;
      n.shared = false;
    } else if (length > n.size) {
      n.data.fill(0, n.size, length);
    }
    n.size = length;
  }

  // asNodeFS returns the object Go expects as globalThis.fs: Node's
  // callback API over this file system.
  asNodeFS() {
    const self = this;
    const call = (cb, f) => {
      let v;
      try {
        v = f();
      } catch (err) {
        if (!err.code) throw err;
        cb(err);
        return;
      }
      cb(null, v);
    };
    const ok = (...args) => args[args.length - 1](null);
    return {
      constants,
      // Only Go's runtime calls writeSync (runtime.wasmWrite in
      // wasm_exec.js), to write its own reports, and print's and
      // println's words, always to fd 1 or 2. The syscall package, and so
      // os.Stdout and os.Stderr, calls write.
      writeSync: (fd, buf) => self.out(fd, buf, true),
      write: (fd, buf, offset, length, position, cb) => call(cb, () => self.writeSync(fd, buf, offset, length, position)),
      read: (fd, buf, offset, length, position, cb) => call(cb, () => self.readSync(fd, buf, offset, length, position)),
      open: (p, flags, mode, cb) => call(cb, () => self.openSync(p, flags)),
      close: (fd, cb) => call(cb, () => {
        self.file(fd);
        self.fds.delete(fd);
      }),
      fstat: (fd, cb) => call(cb, () => {
        if (fd <= 2) return self.statOf(0o020000 | 0o620, 0, 0); // a character device, like a terminal
        return self.stat(self.file(fd).path);
      }),
      stat: (p, cb) => call(cb, () => self.stat(p)),
      lstat: (p, cb) => call(cb, () => self.stat(p)),
      readdir: (p, cb) => call(cb, () => self.readdirSync(p)),
      mkdir: (p, perm, cb) => call(cb, () => self.mkdirSync(p)),
      rmdir: (p, cb) => call(cb, () => self.rmdirSync(p)),
      unlink: (p, cb) => call(cb, () => self.unlinkSync(p)),
      rename: (from, to, cb) => call(cb, () => self.renameSync(from, to)),
      ftruncate: (fd, length, cb) => call(cb, () => self.truncateNode(self.file(fd).node, length)),
      truncate: (p, length, cb) => call(cb, () => {
        const n = self.nodes.get(self.resolve(p));
        if (!n) throw fsError('ENOENT', p);
        self.truncateNode(n, length);
      }),
      readlink: (p, cb) => call(cb, () => {
        self.stat(p);
        throw fsError('EINVAL', p);
      }),
      fsync: ok, chmod: ok, fchmod: ok, chown: ok, fchown: ok, lchown: ok, utimes: ok,
      link: (a, b, cb) => cb(fsError('ENOSYS', a)),
      symlink: (a, b, cb) => cb(fsError('ENOSYS', a)),
    };
  }
}

// goProcess is the globalThis.process Go reads its working directory and
// ids from.
export function goProcess(getCwd) {
  return {
    getuid: () => -1, getgid: () => -1, geteuid: () => -1, getegid: () => -1,
    getgroups: () => [], pid: 1, ppid: 0, umask: () => 0o022,
    cwd: () => getCwd(),
    chdir: () => {
      throw fsError('ENOSYS', 'chdir');
    },
  };
}
