// MD5 of a string's UTF-8 bytes, as lowercase hex: the hash the build shards account histories by
// (DuckDB's md5(), loaders/site/datasets/account-history.ts), computed here so a page finds the shard
// of an account it is linked to without loading the whole account index. (WebCrypto has no MD5 and
// needs a secure context.) Not for security.

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({length: 64}, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5Hex(text) {
  const bytes = new TextEncoder().encode(String(text));
  const padded = new Uint8Array((((bytes.length + 8) >>> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, (bytes.length * 8) >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bytes.length / 0x20000000), true);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const m = new Uint32Array(16);
  for (let off = 0; off < padded.length; off += 64) {
    for (let j = 0; j < 16; ++j) m[j] = view.getUint32(off + 4 * j, true);
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; ++i) {
      const round = i >>> 4;
      let f, g;
      if (round === 0) (f = (b & c) | (~b & d)), (g = i);
      else if (round === 1) (f = (d & b) | (~d & c)), (g = (5 * i + 1) % 16);
      else if (round === 2) (f = b ^ c ^ d), (g = (3 * i + 5) % 16);
      else (f = c ^ (b | ~d)), (g = (7 * i) % 16);
      const s = S[round * 4 + (i & 3)];
      const x = (a + f + K[i] + m[g]) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) >>> 0;
    }
    h[0] = (h[0] + a) >>> 0;
    h[1] = (h[1] + b) >>> 0;
    h[2] = (h[2] + c) >>> 0;
    h[3] = (h[3] + d) >>> 0;
  }
  return h.map((w) => [0, 8, 16, 24].map((k) => ((w >>> k) & 0xff).toString(16).padStart(2, "0")).join("")).join("");
}

/** The history shard (0 … shards-1) of an account id: the first 32 bits of its MD5, modulo the shard count. */
export function shardOf(accountId, shards) {
  return parseInt(md5Hex(accountId).slice(0, 8), 16) % shards;
}
