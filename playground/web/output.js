// A program's output in the page. A program can print as fast as the
// engine runs, and the page must keep answering the reader meanwhile. The
// cost of a flood is layout: a browser lays out a block's text again
// whenever it grows. So output is kept as it arrives and written at most
// once per frame, into blocks of a few hundred lines; a block also ends
// after 4096 characters of one line (a line that long shows wrapped
// there) and after 200 stream switches, and only the last block grows.
// The output box has a height of its own (playground.css), so a flood
// never lays out the whole page again, and a reader at its end keeps
// seeing the end. Output is bounded in lines as well as bytes, since a
// megabyte of "x\n" is half a million lines. Text only: it goes into text
// nodes, never into markup.

export const OUTPUT_LIMIT = 1 << 20; // bytes (UTF-16 units, as received)
export const LINE_LIMIT = 10000;

const BLOCK_LINES = 200;
const BLOCK_BYTES = 16 << 10;
const BLOCK_SPANS = 200; // a program that switches streams on every write makes one span each
const LINE_WRAP = 4096; // a line longer than this goes on in the next block
const FRAME_TEXT = 8 << 10; // characters written in one frame
const SLOW_FLUSH = 250; // ms

export class Output {
  constructor(pre) {
    this.pre = pre; // what it holds stays until the first clear
    this.frame = 0;
    this.pending = []; // [stream, text]
    this.onslow = null;
    this.bytes = 0;
    this.lines = 0;
  }

  // discard drops what is not written yet.
  discard() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
  }

  clear() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.bytes = 0;
    this.lines = 0;
    this.last = '';
    this.pre.textContent = '';
  }

  // append keeps text for the next frame; it returns false once the output
  // went past a limit, and keeps nothing more, unless always is set (the
  // page's own message after the program's output).
  append(stream, text, always = false) {
    if (text) this.last = text[text.length - 1];
    this.bytes += text.length;
    this.lines += count(text);
    if (!always && (this.bytes > OUTPUT_LIMIT || this.lines > LINE_LIMIT)) return false;
    this.pending.push([stream, text]);
    this.frame ||= requestAnimationFrame(() => this.flush(FRAME_TEXT));
    return true;
  }

  // flush writes what is pending: up to budget characters of it in a
  // frame, all of it before the page reads the output, says the program
  // ended, or appends a message of its own. Some text costs far more to
  // lay out than its length says (mixed directions, stacked accents): a
  // flush whose layout took longer than SLOW_FLUSH calls onslow, for the
  // page to stop the program rather than freeze.
  flush(budget = Infinity) {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const start = performance.now();
    // The output box scrolls: a reader at its end keeps seeing the end.
    const pre = this.pre;
    const atEnd = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 32;
    while (this.pending.length && budget > 0) {
      const [stream, text] = this.pending.shift();
      budget -= text.length;
      let block = this.pre.lastChild;
      if (!block || !block.classList || !block.classList.contains('pg-block') || full(block)) {
        block = document.createElement('span');
        block.className = 'pg-block';
        block.lines = 0;
        block.bytes = 0;
        block.tail = 0; // the length of its last line so far
        this.pre.append(block);
      }
      block.lines += count(text);
      block.bytes += text.length;
      block.ends = /[\r\n]$/.test(text);
      const nl = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
      block.tail = nl < 0 ? block.tail + text.length : text.length - nl - 1;
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
    // Reading the height lays the text out now, where it is timed.
    if (atEnd) pre.scrollTop = pre.scrollHeight;
    else void pre.scrollHeight;
    if (performance.now() - start > SLOW_FLUSH) this.onslow?.();
    if (this.pending.length && !this.frame) this.frame = requestAnimationFrame(() => this.flush(FRAME_TEXT));
  }

  // midLine says the output so far does not end with a line break.
  get midLine() {
    return this.last !== '' && this.last !== '\n';
  }

  // drain writes what is pending a frame's budget at a time, the page
  // answering in between, and resolves to true once all of it is written,
  // or to false when its layout was too slow and the rest was dropped.
  async drain() {
    let slow = false;
    const onslow = this.onslow;
    this.onslow = () => {
      slow = true;
    };
    try {
      while (this.pending.length && !slow) {
        this.flush(FRAME_TEXT);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.onslow = onslow;
    }
    if (slow) this.discard();
    return !slow;
  }

  // settle writes at most a frame's budget of what is pending, and drops
  // the rest: for a program that was stopped.
  settle() {
    this.flush(FRAME_TEXT);
    this.discard();
  }
}

// BREAK is a line break as the page shows it: a carriage return alone
// breaks a line in a pre too.
const BREAK = /\r\n|\r|\n/g;

function count(text) {
  return text.match(BREAK)?.length ?? 0;
}

// full says a block takes nothing more: it is long and ended a line, its
// last line is too long to wait for its end (laying out a line costs with
// its length), or it holds many spans.
function full(block) {
  return ((block.lines >= BLOCK_LINES || block.bytes >= BLOCK_BYTES) && block.ends) || block.tail >= LINE_WRAP || block.spans >= BLOCK_SPANS;
}
