// The exact engine refuses, before compiling, the three ways a Go program
// reaches past Go into the JavaScript that runs it: a //go:wasmimport
// (or //go:wasmexport) directive, which binds a function to an import of
// wasm_exec.js, //go:linkname, which binds one to any function of the
// runtime or syscall/js, and import "unsafe", which lets a program forge
// a function value. The sandbox (sandbox.js) is what keeps such a program
// away from the site; this is the second line, and it tells the reader
// why in the compiler's style, at the line and column.
//
// Go is scanned for comments and literals first, so a directive quoted in
// a string, or "unsafe" outside an import declaration, is not refused.

const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|`[^`]*`?|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|[A-Za-z_]\w*|\n|\s+|./gy;
const DIRECTIVE = /^\/\/go:(wasmimport|wasmexport|linkname)\b/;

// refuse returns go build's style of errors ("main.go:L:C: ...") for
// what the playground refuses in code, or '' when there is none.
export function refuse(code) {
  const errs = [];
  let line = 1;
  let col = 1;
  // Import declarations: 'kw' after the keyword, 'group' inside its
  // parentheses; a spec's path is its only string literal (a name before
  // it, as in import u "unsafe", is passed over).
  let imports = '';
  TOKEN.lastIndex = 0;
  for (let m; TOKEN.lastIndex < code.length && (m = TOKEN.exec(code));) {
    const t = m[0];
    const at = `main.go:${line}:${col}: `;
    const d = DIRECTIVE.exec(t);
    if (d) errs.push(`${at}//go:${d[1]} is not allowed in the playground`);
    else if (t === 'import') imports = 'kw';
    else if (imports && (t[0] === '"' || t[0] === '`')) {
      if (t.slice(1, -1) === 'unsafe') errs.push(`${at}import "unsafe" is not allowed in the playground`);
      if (imports === 'kw') imports = '';
    } else if (imports === 'kw' && t === '(') imports = 'group';
    else if (imports === 'group' && t === ')') imports = '';
    // Advance the position over the token.
    const nl = t.split('\n');
    if (nl.length > 1) {
      line += nl.length - 1;
      col = nl[nl.length - 1].length + 1;
    } else col += t.length;
  }
  return errs.length ? errs.join('\n') + '\n' : '';
}
