// Share links carry the code in the URL fragment, compressed, so nothing
// is stored anywhere: #run=<id>.<base64url(deflate-raw(code))>.

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64URL(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64URL(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function encode(id, code) {
  const packed = await pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw'));
  return `#run=${encodeURIComponent(id)}.${toBase64URL(packed)}`;
}

// SHARE_LIMIT bounds the code a share link may carry, inflated: a link is
// written by anyone, and a few kilobytes of deflate can inflate to
// gigabytes. The longest program on the site is about 2 KB.
export const SHARE_LIMIT = 64 << 10;

// decode returns {id, code} from a fragment, {id, tooLarge: true} when the
// code would inflate past SHARE_LIMIT, or null when it is not a share link
// or does not decode. Inflating stops at the limit, so a bomb costs
// nothing more than a link within it.
export async function decode(hash) {
  const m = /^#run=([^.]+)\.([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  let id;
  try {
    id = decodeURIComponent(m[1]);
    // Deflate makes nothing much larger, so a fragment this long (base64
    // is 4 characters for 3 bytes) cannot hold code within the limit.
    if (m[2].length > (SHARE_LIMIT * 4) / 3 + 1024) return { id, tooLarge: true };
    const reader = new Blob([fromBase64URL(m[2])]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > SHARE_LIMIT) {
        reader.cancel().catch(() => {});
        return { id, tooLarge: true };
      }
      chunks.push(value);
    }
    return { id, code: new TextDecoder().decode(await new Blob(chunks).arrayBuffer()) };
  } catch {
    return null;
  }
}
