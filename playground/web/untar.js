// untar reads a ustar archive (as Go's archive/tar writes it with
// FormatUSTAR) into a Map from absolute path to bytes. The bytes are views
// into the archive, not copies.
export function untar(buf) {
  const files = new Map();
  const text = (from, len) => {
    let end = from;
    while (end < from + len && buf[end] !== 0) end++;
    return new TextDecoder().decode(buf.subarray(from, end));
  };
  for (let at = 0; at + 512 <= buf.length; ) {
    if (buf[at] === 0) break; // the two zero blocks that end the archive
    const name = text(at, 100);
    const prefix = text(at + 345, 155);
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = buf[at + 156];
    if (Number.isNaN(size) || text(at + 257, 5) !== 'ustar') throw new Error(`not a ustar archive at byte ${at}`);
    const data = at + 512;
    if (type === 0 || type === 48 /* '0' */) {
      files.set('/' + (prefix ? prefix + '/' : '') + name, buf.subarray(data, data + size));
    }
    at = data + Math.ceil(size / 512) * 512;
  }
  return files;
}
