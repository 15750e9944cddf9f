// A program's output in the page. A program can print as fast as the
// engine runs, and the page must keep answering the reader meanwhile. The
// cost of a flood is layout, and the text's length does not tell it: a
// line that mixes writing directions, or a letter under thousands of
// accents, costs a hundred times as many ASCII letters, and more than in
// proportion to its length. So output is kept as it arrives and written at
// most once per frame, a share sized by time: each frame's writing is
// timed, its layout included, and the next frame writes what should take
// TARGET ms at the cost just measured (taken to grow with the square of
// the text's length, as it does for mixed directions): a little at first,
// at most twice the last share, and no further block once the frame's time
// is spent. Text goes into blocks, and only the last one grows; as
// appending to a block lays all of it out again, a block ends after a
// frame that took half its time or once laying it out would, or once it
// holds 200 lines or 4 KB: at a line's end, since each block shows as
// lines of its own (a line ended mid-way would show broken in two). Only
// where a line reaches 4096 characters, or after 200 stream switches, does
// a block end mid-line (the line goes on in the next block, shown
// wrapped). A share ends at a line's end, the rest of the line waiting for
// the next frame, unless one line is longer than a share: that is cut
// anywhere but inside a surrogate pair (accents cut from their letter show
// apart only if the block ends there). A frame slower than SLOW_FLUSH
// makes the next share the least, unless the time was the machine's: a
// busy machine (a phone, a shared laptop) stalls a frame of a few
// characters as long as one of many, where the text's cost falls with
// its length. When slow frames in a row that were not stalls have taken
// SLOW_TOTAL, and what waits would take SLOW_REST more at the pace they
// kept, onslow says so, for the page to stop the program rather than keep
// the reader waiting on a page that hardly answers: a slow phone lays out
// a few long lines of mixed directions in seconds, but it shows them;
// text hopeless to lay out shows a few characters a frame, and what waits
// grows. So it does before a frame that took SLOW_TOTAL alone would lay
// out the rest of its line in one piece. The output box has a height of
// its own (playground.css), so a flood never lays out the whole page
// again, and a reader at its end keeps seeing the end. Output is bounded
// in lines as well as bytes, since a megabyte of "x\n" is half a million
// lines. Text only: it goes into text nodes, never into markup.

// OUTPUT_LIMIT is the playground's one output limit (policy.OutputLimit
// in Go, which TestOutputLimit holds this to): past it, the exact engine's
// runner (runner.js) stops a program, and the page shows no more.
export const OUTPUT_LIMIT = 1 << 20; // bytes (UTF-16 units, as received)
export const LINE_LIMIT = 10000;

const BLOCK_LINES = 200;
const BLOCK_BYTES = 4 << 10; // at a line's end
const BLOCK_SPANS = 200; // a program that switches streams on every write makes one span each
const LINE_WRAP = 4096; // a line longer than this goes on in the next block
const TARGET = 30; // ms of writing and layout in a frame
const FIRST = 1 << 10; // characters in a run's first frame
const LEAST = 64;
const MOST = 16 << 10;
const SLOW_FLUSH = 250; // ms
const SLOW_TOTAL = 2000; // ms
const SLOW_REST = 10000; // ms: the time limit a run has by default (playground.js)

export class Output {
  constructor(pre) {
    this.pre = pre; // what it holds stays until the first clear
    this.frame = 0;
    this.pending = []; // [stream, text]
    this.onslow = null;
    this.bytes = 0;
    this.lines = 0;
    this.budget = FIRST; // characters the next frame writes
    this.slow = 0; // ms of the last writes in a row that took longer than SLOW_FLUSH
    this.slowWritten = 0; // characters they wrote
    this.big = [0, 0]; // characters the largest slow frame since the last fast one laid out, and its ms
  }

  // discard drops what is not written yet.
  discard() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
  }

  clear() {
    this.discard();
    this.bytes = 0;
    this.lines = 0;
    this.last = '';
    this.budget = FIRST;
    this.slow = this.slowWritten = 0;
    this.big = [0, 0];
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
    this.frame ||= requestAnimationFrame(() => this.flush(this.budget));
    return true;
  }

  // flush writes what is pending: up to budget characters of it in a
  // frame, all of it before the page reads the output, says the program
  // ended, or appends a message of its own.
  flush(budget = Infinity) {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const start = performance.now();
    // The output box scrolls: a reader at its end keeps seeing the end.
    const pre = this.pre;
    const atEnd = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 32;
    let written = 0;
    let laid = 0; // characters laid out again: the written ones, and the block they went on
    let block = open(pre);
    let into = null; // the block written last
    while (this.pending.length && written < budget) {
      const next = this.pending[0];
      const [stream, all] = next;
      if (!all) {
        this.pending.shift();
        continue;
      }
      // A piece at a time: what the frame may still write, up to where
      // its line must wrap.
      if (block && full(block)) block = null;
      const wrap = LINE_WRAP - (block ? block.tail : 0);
      // A block a slow frame ended mid-line takes the rest of the line in
      // one piece: in small shares, each would lay all of it out again.
      let n = Math.min(all.length, block?.done ? firstEnd(all) : budget - written, wrap);
      if (n < all.length) {
        const line = lineEnd(all, n);
        if (line) n = line;
        // The rest of a line waits for the next frame, unless the frame
        // has written nothing yet (the line is longer than its share).
        else if (written && n === budget - written) break;
        else n = cut(all, n);
      }
      const text = n < all.length ? all.slice(0, n) : all;
      if (!block || (block.ends && block.bytes + text.length > BLOCK_BYTES)) {
        // A frame that took its time (its layout so far included) starts
        // no further block; a flush of all that is pending goes on.
        if (written && budget < Infinity) {
          void pre.offsetHeight;
          if (performance.now() - start >= TARGET) break;
        }
        block = document.createElement('span');
        block.className = 'pg-block';
        block.lines = 0;
        block.bytes = 0;
        block.spans = 0;
        block.tail = 0; // the length of its last line so far
        pre.append(block);
      }
      if (text.length < all.length) next[1] = all.slice(text.length);
      else this.pending.shift();
      if (!into) laid = block.bytes;
      into = block;
      written += text.length;
      block.lines += count(text);
      block.bytes += text.length;
      block.ends = /[\r\n]$/.test(text);
      const nl = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
      block.tail = nl < 0 ? block.tail + text.length : text.length - nl - 1;
      const last = block.lastChild;
      if (last && last.dataset.stream === stream) last.firstChild.appendData(text);
      else {
        block.spans++;
        const span = document.createElement('span');
        span.className = stream;
        span.dataset.stream = stream;
        span.textContent = text;
        block.append(span);
      }
    }
    if (!into) return;
    // Reading the height lays the text out now, where it is timed.
    if (atEnd) pre.scrollTop = pre.scrollHeight;
    else void pre.scrollHeight;
    this.measured(performance.now() - start, written, laid + written, into);
    if (this.pending.length && !this.frame) this.frame = requestAnimationFrame(() => this.flush(this.budget));
  }

  // measured sizes the next frame's writing from this one's: ms it took
  // to write and lay out the characters.
  measured(ms, written, laid, block) {
    if (ms > SLOW_FLUSH) {
      block.done = true;
      // A quarter of the characters of the largest slow frame since the
      // last fast one, or fewer, laid out in about its time (half to
      // twice): the time is the machine's (a stall), not the text's, and
      // a share twice as large costs no more. Never a frame over
      // SLOW_TOTAL: text that turned costly shows in the large share,
      // which takes far longer than the large frame did, and counts.
      const big = this.big;
      if (big[0] >= 4 * laid && 2 * ms >= big[1] && ms <= 2 * big[1] && ms <= SLOW_TOTAL) {
        this.slow = this.slowWritten = 0;
        this.budget = Math.min(2 * big[0], MOST);
        return;
      }
      if (laid > big[0]) this.big = [laid, ms];
      this.budget = LEAST;
      this.slow += ms;
      this.slowWritten += written;
      // Stopped when what waits would take SLOW_REST more at the pace the
      // slow frames kept, or before a frame that took SLOW_TOTAL alone
      // would lay out the rest of its line in one piece (flush).
      const waiting = this.pending.reduce((n, [, text]) => n + text.length, 0);
      if ((this.slow > SLOW_TOTAL && waiting * this.slow > SLOW_REST * this.slowWritten) || (ms > SLOW_TOTAL && waiting && !block.ends)) this.onslow?.();
      return;
    }
    this.slow = this.slowWritten = 0;
    this.big = [0, 0];
    let most = Math.min(2 * this.budget, MOST);
    // A cheap frame says little of the cost per character (a few
    // characters' worth is mostly the frame's own), only that there is room.
    if (ms >= TARGET / 4) {
      // Characters a frame lays out, taking the cost to grow with the
      // square of their number, as it does for mixed directions.
      const room = laid * Math.sqrt(TARGET / ms);
      // Appending to a block lays all of it out again: a costly frame ends
      // its block, and so does one whose block takes half a frame already
      // (at the line's end: full).
      if (ms >= TARGET / 2 || block.bytes > room / 2) block.done = true;
      most = Math.min(most, room - (full(block) ? 0 : block.bytes));
    }
    this.budget = Math.max(LEAST, Math.floor(most));
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
      // At once: the frame that flush asked for would write more.
      this.discard();
    };
    try {
      while (this.pending.length && !slow) {
        this.flush(this.budget);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.onslow = onslow;
    }
    return !slow;
  }

  // settle writes at most a frame's budget of what is pending, and drops
  // the rest: for a program that was stopped.
  settle() {
    this.flush(this.budget);
    this.discard();
  }
}

// BREAK is a line break as the page shows it: a carriage return alone
// breaks a line in a pre too.
const BREAK = /\r\n|\r|\n/g;

function count(text) {
  return text.match(BREAK)?.length ?? 0;
}

// lineEnd returns where the last line break in text before n ends, or 0.
function lineEnd(text, n) {
  const nl = Math.max(text.lastIndexOf('\n', n - 1), text.lastIndexOf('\r', n - 1));
  return nl < 0 ? 0 : nl + (text[nl] === '\r' && text[nl + 1] === '\n' ? 2 : 1);
}

// firstEnd returns where the first line break in text ends, or its
// length.
function firstEnd(text) {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m.index + m[0].length : text.length;
}

// cut returns where to split a line near n: not inside a surrogate pair,
// whose halves would show as two wrong characters.
function cut(text, n) {
  const c = text.charCodeAt(n - 1);
  return c >= 0xd800 && c < 0xdc00 ? (n > 1 ? n - 1 : n + 1) : n;
}

// open returns the block that output goes on in, if there is one.
function open(pre) {
  const block = pre.lastChild;
  return block?.classList?.contains('pg-block') && !full(block) ? block : null;
}

// full says a block takes nothing more: it ended a line and laying it out
// again took too long or it is long, its last line is too long to wait for
// its end (laying out a line costs with its length), or it holds many
// spans.
function full(block) {
  return ((block.done || block.lines >= BLOCK_LINES || block.bytes >= BLOCK_BYTES) && block.ends) || block.tail >= LINE_WRAP || block.spans >= BLOCK_SPANS;
}
