// A small Go highlighter for the editor. It emits the same classes as the
// build's chroma output (k, kd, kt, s, c1, m, nb...) so one palette serves
// both. It only has to be right for display: the code itself is never
// changed by it.

const KEYWORDS = new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough',
  'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select',
  'struct', 'switch', 'type', 'var']);
const TYPES = new Set(['bool', 'byte', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8',
  'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'any',
  'comparable']);
const BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make',
  'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);
const CONSTANTS = new Set(['true', 'false', 'nil', 'iota']);

const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"?|`[^`]*`?|'(?:[^'\\\n]|\\.)*'?)|(\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?i?\b|\b0[xX][\da-fA-F_]+\b)|([\p{L}_][\p{L}\p{Nd}_]*)/gu;

function esc(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// highlight returns HTML for code. Every piece of the input is escaped.
export function highlight(code) {
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m; (m = TOKEN.exec(code));) {
    out += esc(code.slice(last, m.index));
    last = TOKEN.lastIndex;
    let cls = '';
    if (m[1]) cls = 'c1';
    else if (m[2]) cls = 's';
    else if (m[3]) cls = 'm';
    else {
      const w = m[4];
      if (KEYWORDS.has(w)) cls = w === 'func' || w === 'var' || w === 'const' || w === 'type' ? 'kd' : (w === 'package' || w === 'import' ? 'kn' : 'k');
      else if (TYPES.has(w)) cls = 'kt';
      else if (CONSTANTS.has(w)) cls = 'kc';
      else if (BUILTINS.has(w)) cls = 'nb';
      // Every other name too gets a span, isolated like strings and
      // comments (playground.css): one in letters written right to left
      // would move the code around it.
      else cls = 'n';
    }
    out += cls ? `<span class="${cls}">${esc(m[0])}</span>` : esc(m[0]);
  }
  return out + esc(code.slice(last));
}
