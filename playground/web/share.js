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

// decode returns {id, code} from a fragment, or null when it is not a
// share link or does not decode.
export async function decode(hash) {
  const m = /^#run=([^.]+)\.([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  try {
    const bytes = await pipe(fromBase64URL(m[2]), new DecompressionStream('deflate-raw'));
    return { id: decodeURIComponent(m[1]), code: new TextDecoder().decode(bytes) };
  } catch {
    return null;
  }
}
