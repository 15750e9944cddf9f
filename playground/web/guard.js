// The exact engine refuses, before compiling, what lets a Go program
// reach past Go into the JavaScript that runs it or past the memory
// safety the sandbox relies on as its second line: unsafe (a forged
// function value calls into wasm_exec.js), but for the functions that
// measure Go's layout of memory, constants that hand out no pointer
// (policy.UnsafeLayout), and every compiler directive but the few a
// program of this site has a use for:
// //go:wasmimport binds a function to wasm_exec.js's imports,
// //go:linkname to any function of the runtime or syscall/js, and
// //go:nosplit lets a recursion run past its stack onto its neighbours'.
// The sandbox (sandbox.js) is what keeps such a program away from the
// site; this tells the reader why in the compiler's style, at the line and
// column.
//
// Go is scanned for comments and literals first, so a directive or
// unsafe.Pointer quoted in a string is not refused; an import path is
// read as Go reads it, escapes and all. unsafe is refused at the first
// token of its name that does not begin one of those functions' selector,
// as policy.UnsafeMisuse finds it for the interpreter: a name, not a type
// (a variable that shadows it, a field s.unsafe, are refused too), and
// with no exception, as a token after a dot once had (the dot that ends
// the float 1. let the next line's unsafe.Slice through).

// An identifier is Go's (letters and digits of any script): import ü
// "unsafe" names the package ü, and ü.Pointer must read as a use of it.
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|`[^`]*`?|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|[\p{L}_][\p{L}\p{Nd}_]*|\n|\s+|./guy;

// DIRECTIVES are the //go: directives a program may use: they change how
// it is compiled, never what it may reach. //go:debug reaches only the
// runtime's default GODEBUG (godebug).
const DIRECTIVES = new Set(['noinline', 'build', 'generate', 'debug']);

// refuse returns go build's style of errors ("./main.go:L:C: ...") for
// what the playground refuses in code, or '' when there is none, in the
// order of the lines. settings: the manifest's godebug (godebug).
export function refuse(code, settings) {
  const at = (e) => e.split(':', 3).slice(1).map(Number);
  const errs = [...scan(code).errs, ...godebug(code, settings).errs].sort((a, b) => at(a)[0] - at(b)[0] || at(a)[1] - at(b)[1]);
  return errs.length ? errs.join('\n') + '\n' : '';
}

// godebug reads the //go:debug lines before the package clause, as the go
// command does (cmd/go's ParseGoDebug and checkDirectives), into what it
// gives the linker: -X=runtime.godebugDefault=k=v,k2=v2, keys sorted.
// It returns {errs, value}: errs in go build's words where it has them.
// settings are the toolchain's {known, removed} (the build reads them
// from internal/godebugs into the manifest): go build fails on a key
// that table lacks. A value is taken only of letters, digits and _ . -
// (every setting's values are), so that the reader's text reaches
// nothing but that string: go accepts other characters there, the page
// refuses them, saying so, and default=goX.Y, which would need the
// table's old values too.
export function godebug(code, { known = [], removed = {} } = {}) {
  const errs = [];
  const settings = new Map(); // key -> [value, position]
  let line = 1;
  let col = 1;
  TOKEN.lastIndex = 0;
  for (let m; TOKEN.lastIndex < code.length && (m = TOKEN.exec(code));) {
    const t = m[0];
    if (!/^\s+$/.test(t) && !t.startsWith('//') && !t.startsWith('/*') && t !== '\uFEFF') break;
    const at = `./main.go:${line}:${col}`;
    const rest = goDebugText(t.replace(/\r/g, '')); // Go's scanner drops a comment's \r
    if (rest !== null) {
      const err = (msg) => errs.push(`${at}: invalid //go:debug: ${msg}`);
      const ours = (msg) => errs.push(`${at}: //go:debug: ${msg}`);
      const eq = rest.indexOf('=');
      const [k, v] = eq < 0 ? [] : [rest.slice(0, eq), rest.slice(eq + 1)];
      if (eq < 0) err('missing key=value');
      else if (/[ \t]/.test(k)) err('key contains space');
      else if (/[ \t]/.test(v)) err('value contains space');
      else if (k.includes(',')) err('key contains comma');
      else if (v.includes(',')) err('value contains comma');
      else if (k === 'default') ours('go run takes default=goX.Y; the playground does not apply it');
      else if (!known.includes(k) && Object.hasOwn(removed, k)) err(`use of removed //go:debug setting ${JSON.stringify(k)}, see https://go.dev/doc/godebug#go-1${removed[k]}`);
      else if (!known.includes(k)) err(`unknown //go:debug setting ${JSON.stringify(k)}`);
      else if (!/^[A-Za-z0-9_.-]{0,64}$/.test(v)) ours('go run takes this value; the playground passes on only letters, digits and _ . -, up to 64 of them');
      else if (settings.has(k)) errs.push(`${at}: repeated //go:debug for ${k}\n\t${settings.get(k)[1]}: previous //go:debug`);
      else settings.set(k, [v, at]);
    }
    const nl = t.split('\n');
    if (nl.length > 1) {
      line += nl.length - 1;
      col = nl[nl.length - 1].length + 1;
    } else col += t.length;
  }
  const value = [...settings.keys()].sort().map((k) => `${k}=${settings.get(k)[0]}`).join(',');
  return { errs, value };
}

// GO_SPACE is what Go's strings.TrimSpace trims (unicode.IsSpace), which
// JavaScript's trim does not match exactly (U+0085, U+FEFF).
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]';
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

// goDebugText is cmd/go's ParseGoDebug up to the key=value: a comment
// that starts //go:debug is a directive if a space or tab follows
// anywhere ("//go:debugx k=v" is one, as go reads it) or it is
// "//go:debug" alone (missing key=value); it returns the text after that
// space, trimmed as Go trims it, or null for no directive.
export function goDebugText(text) {
  if (!text.startsWith('//go:debug')) return null;
  const i = text.search(/[ \t]/);
  if (i < 0) return text.replace(GO_TRIM, '') === '//go:debug' ? '' : null;
  return text.slice(i).replace(GO_TRIM, '');
}

// imports returns the import paths of a Go file, as Go reads them: the
// packages the exact engine fetches before it compiles. A path read
// wrong costs a compile error, never more: the compiler is only given
// the archives the page may offer.
export function imports(code) {
  return scan(code).paths;
}

// scan reads the import paths of code and the errors refuse reports.
function scan(code) {
  const errs = [];
  const paths = [];
  let line = 1;
  let col = 1;
  // Import declarations: 'kw' after the keyword, 'group' inside its
  // parentheses; a spec's path is its only string literal, after the
  // package's name, if it has one.
  let importing = '';
  let name = '';
  const unsafe = new Set(); // the names unsafe is imported under
  const toks = []; // [token, at] outside import declarations, but spaces and comments
  TOKEN.lastIndex = 0;
  for (let m; TOKEN.lastIndex < code.length && (m = TOKEN.exec(code));) {
    const t = m[0];
    const at = `./main.go:${line}:${col}: `;
    const d = /^\/\/go:(\w*)/.exec(t);
    if (d && !DIRECTIVES.has(d[1]) && goDebugText(t.replace(/\r/g, '')) === null) errs.push(`${at}//go:${d[1]} is not allowed in the playground`);
    else if (t === 'import') importing = 'kw';
    else if (importing && (t[0] === '"' || t[0] === '`')) {
      const path = importPath(t);
      paths.push(path);
      if (path !== 'unsafe');
      else if (name === '_' || name === '.') errs.push(`${at}import "unsafe"${ONLY}`);
      else unsafe.add(name || path);
      name = '';
      if (importing === 'kw') importing = '';
    } else if (importing === 'kw' && t === '(') importing = 'group';
    else if (importing === 'group' && t === ')') importing = '';
    else if (importing && /^[^\s/;]/.test(t)) name = t; // a name or a dot: anything else does not compile
    else if (!importing && !/^(\s|\/[/*])/.test(t)) toks.push([t, at]);
    // Advance the position over the token.
    const nl = t.split('\n');
    if (nl.length > 1) {
      line += nl.length - 1;
      col = nl[nl.length - 1].length + 1;
    } else col += t.length;
  }
  toks.some(([t, at], i) => {
    const next = toks[i + 1]?.[0] === '.' ? toks[i + 2]?.[0] : '';
    return unsafe.has(t) && !LAYOUT.has(next) && errs.push(`${at}${next ? t + '.' + next : t}${ONLY}`);
  });
  return { errs, paths };
}

// LAYOUT is what a program may use of unsafe (policy.UnsafeLayout), and
// ONLY ends the refusal of the rest (the interpreter's words: refused.go).
const LAYOUT = new Set(['Sizeof', 'Alignof', 'Offsetof']);
const ONLY = ' is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof';

// importPath is the value of a string literal: a raw one as it is (Go
// drops its carriage returns), an interpreted one with its escapes
// decoded ("\u0075nsafe" is "unsafe").
function importPath(lit) {
  const body = lit.slice(1, -1);
  if (lit[0] === '`') return body.replace(/\r/g, '');
  return body.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{3}|.)/g, (_, e) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }[e] ?? e;
  });
}

// packageName returns the name of the program's package clause, the
// first token of a Go file after comments, or '' when there is none.
export function packageName(code) {
  const words = [];
  TOKEN.lastIndex = 0;
  for (let m; words.length < 2 && TOKEN.lastIndex < code.length && (m = TOKEN.exec(code));) {
    const t = m[0];
    if (/^\s+$/.test(t) || t.startsWith('//') || t.startsWith('/*') || t === '\uFEFF') continue;
    words.push(t);
  }
  return words[0] === 'package' && /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(words[1] || '') ? words[1] : '';
}
