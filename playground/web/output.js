// A program's output in the page. A program can print as fast as the
// engine runs, and the page must keep answering the reader meanwhile. The
// cost of a flood is layout: a browser lays out a block's text again
// whenever it grows. So output is kept as it arrives and written at most
// once per frame, into blocks of a few hundred lines (a block ends after a
// newline, or mid-line once it is very long: a line that long shows
// wrapped there), and only the last block grows; and it is bounded in
// lines as well as bytes, since a megabyte of "x\n" is half a million
// lines. Text only: it goes into text nodes, never into markup.

export const OUTPUT_LIMIT = 1 << 20; // bytes (UTF-16 units, as received)
export const LINE_LIMIT = 10000;

const BLOCK_LINES = 200;
const BLOCK_BYTES = 16 << 10;
const BLOCK_SPANS = 200; // a program that switches streams on every write makes one span each

export class Output {
  constructor(pre) {
    this.pre = pre; // what it holds stays until the first clear
    this.frame = 0;
    this.pending = []; // [stream, text]
    this.bytes = 0;
    this.lines = 0;
  }

  clear() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.bytes = 0;
    this.lines = 0;
    this.pre.textContent = '';
  }

  // append keeps text for the next frame; it returns false once the output
  // went past a limit, and keeps nothing more, unless always is set (the
  // page's own message after the program's output).
  append(stream, text, always = false) {
    this.bytes += text.length;
    this.lines += count(text);
    if (!always && (this.bytes > OUTPUT_LIMIT || this.lines > LINE_LIMIT)) return false;
    this.pending.push([stream, text]);
    this.frame ||= requestAnimationFrame(() => this.flush());
    return true;
  }

  // flush writes what is pending now: before the page reads the output,
  // says the program ended, or appends a message of its own.
  flush() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    for (const [stream, text] of this.pending.splice(0)) {
      let block = this.pre.lastChild;
      if (!block || !block.classList || !block.classList.contains('pg-block') || full(block)) {
        block = document.createElement('span');
        block.className = 'pg-block';
        block.lines = 0;
        block.bytes = 0;
        this.pre.append(block);
      }
      block.lines += count(text);
      block.bytes += text.length;
      block.ends = text.endsWith('\n');
      const last = block.lastChild;
      if (last && last.dataset.stream === stream) last.firstChild.appendData(text);
      else {
        block.spans = (block.spans || 0) + 1;
        const span = document.createElement('span');
        span.className = stream;
        span.dataset.stream = stream;
        span.textContent = text;
        block.append(span);
      }
    }
  }

  // text is everything written, pending included.
  get text() {
    this.flush();
    return this.pre.textContent;
  }
}

function count(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// full says a block takes nothing more: it is long and ended a line, or is
// too long to wait for one.
function full(block) {
  return ((block.lines >= BLOCK_LINES || block.bytes >= BLOCK_BYTES) && block.ends) || block.bytes >= 2 * BLOCK_BYTES || block.spans >= BLOCK_SPANS;
}
