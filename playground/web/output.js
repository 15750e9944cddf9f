// A program's output in the page. A program can print as fast as the
// engine runs, and the page must keep answering the reader meanwhile: the
// time a flood costs is the browser laying out one text node that grows
// by a few bytes thousands of times. So output is kept as it arrives and
// written to the page at most once per frame, and it is bounded in lines
// as well as bytes, since a megabyte of "x\n" is half a million lines to
// lay out. Text only: it goes into text nodes, never into markup.

export const OUTPUT_LIMIT = 1 << 20; // bytes (UTF-16 units, as received)
export const LINE_LIMIT = 10000;

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
  // went past a limit, and keeps nothing more.
  append(stream, text) {
    this.bytes += text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines++;
    if (this.bytes > OUTPUT_LIMIT || this.lines > LINE_LIMIT) return false;
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
      const last = this.pre.lastChild;
      if (last && last.dataset && last.dataset.stream === stream) last.firstChild.appendData(text);
      else {
        const span = document.createElement('span');
        span.className = stream;
        span.dataset.stream = stream;
        span.textContent = text;
        this.pre.append(span);
      }
    }
  }

  // text is everything written, pending included.
  get text() {
    this.flush();
    return this.pre.textContent;
  }
}
