package org.takeitdown.hasher.md5;

import org.takeitdown.hasher.hex.Hex;

/**
 * Streaming MD5 (RFC 1321): {@link #update} with any chunk sizes and any total length, then
 * {@link #finish}. Equal to {@code java.security.MessageDigest.getInstance("MD5")} for every input.
 *
 * <p>Written for TeaVM as much as for the JVM: the 64 steps are unrolled with the message-word
 * index, shift and additive constant of each step spelled out (RFC 1321 section 3.4; the constant of
 * step i is floor(2^32 * |sin(i + 1)|)), because a loop with a per-step branch runs about five
 * times slower in JavaScript. Only {@code int} arithmetic is used per block: TeaVM emulates
 * {@code long} in JavaScript, so the 64-bit length is updated once per call, never per block.
 * {@link #updateWords} takes whole blocks already read as little-endian 32-bit words, which lets
 * the JavaScript adapter hand over an {@code Int32Array} view of the caller's bytes.
 */
public final class Md5 {
    /** Bytes in one MD5 block. */
    public static final int BLOCK_BYTES = 64;
    private static final int BLOCK_WORDS = 16;
    /**
     * Blocks per call of {@link #blocks} from {@link #updateWords} (4 KiB). For Chromium's V8: one call
     * over a whole 4 MiB chunk (65,536 blocks) was optimised on stack while its loop ran, before the
     * code after the loop, which stores the chaining values, had ever run; that code then deoptimised
     * at the end of every call ("insufficient type feedback", seen with {@code --js-flags=--trace-deopt})
     * and the next call ran slowly again until it re-entered it. Calls this short end before V8
     * optimises the method, so it is compiled whole, with feedback for its end, and stays optimised.
     */
    private static final int SLICE_BLOCKS = 64;

    private int a0;
    private int b0;
    private int c0;
    private int d0;
    private final byte[] pending = new byte[BLOCK_BYTES];
    private final int[] words = new int[BLOCK_WORDS];
    private int pendingLength;
    private long byteCount;

    public Md5() {
        reset();
    }

    /** MD5 of {@code data} as 32 lowercase hex digits. */
    public static String hex(byte[] data) {
        return new Md5().update(data, 0, data.length).finishHex();
    }

    /** Forgets everything hashed so far. */
    public void reset() {
        // Initial chaining values, RFC 1321 section 3.3.
        a0 = 0x67452301;
        b0 = 0xefcdab89;
        c0 = 0x98badcfe;
        d0 = 0x10325476;
        pendingLength = 0;
        byteCount = 0;
    }

    /** Adds {@code length} bytes of {@code data} from {@code offset}. */
    public Md5 update(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || length > data.length - offset) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " do not fit an array of " + data.length + " bytes");
        }
        byteCount += length;
        int pos = offset;
        int end = offset + length;
        if (pendingLength > 0) {
            int take = Math.min(BLOCK_BYTES - pendingLength, length);
            System.arraycopy(data, pos, pending, pendingLength, take);
            pendingLength += take;
            pos += take;
            if (pendingLength < BLOCK_BYTES) {
                return this;
            }
            decode(pending, 0);
            blocks(words, 0, 1);
            pendingLength = 0;
        }
        while (end - pos >= BLOCK_BYTES) {
            decode(data, pos);
            blocks(words, 0, 1);
            pos += BLOCK_BYTES;
        }
        if (pos < end) {
            System.arraycopy(data, pos, pending, 0, end - pos);
            pendingLength = end - pos;
        }
        return this;
    }

    /** True when no partial block is pending, so {@link #updateWords} may be called. */
    public boolean atBlockBoundary() {
        return pendingLength == 0;
    }

    /**
     * Adds {@code blocks} whole 64-byte blocks given as little-endian 32-bit words (16 a block)
     * starting at {@code wordOffset}. Only at a block boundary (see {@link #atBlockBoundary}).
     */
    public Md5 updateWords(int[] w, int wordOffset, int blocks) {
        if (pendingLength != 0) {
            throw new IllegalStateException("updateWords needs a block boundary; " + pendingLength
                    + " bytes are pending");
        }
        if (wordOffset < 0 || blocks < 0 || blocks > (w.length - wordOffset) / BLOCK_WORDS) {
            throw new IllegalArgumentException("word offset " + wordOffset + " and " + blocks
                    + " blocks do not fit an array of " + w.length + " words");
        }
        byteCount += (long) blocks * BLOCK_BYTES;
        for (int done = 0; done < blocks; done += SLICE_BLOCKS) {
            blocks(w, wordOffset + done * BLOCK_WORDS, Math.min(SLICE_BLOCKS, blocks - done));
        }
        return this;
    }

    /** Pads, returns the 16-byte digest and resets for a new message. */
    public byte[] finish() {
        long bitLength = byteCount << 3;
        byte[] padding = new byte[(pendingLength < 56 ? 56 : 120) - pendingLength + 8];
        padding[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            padding[padding.length - 8 + i] = (byte) (bitLength >>> (8 * i));
        }
        update(padding, 0, padding.length);
        byte[] digest = new byte[16];
        putLittleEndian(digest, 0, a0);
        putLittleEndian(digest, 4, b0);
        putLittleEndian(digest, 8, c0);
        putLittleEndian(digest, 12, d0);
        reset();
        return digest;
    }

    /** {@link #finish} as 32 lowercase hex digits. */
    public String finishHex() {
        return Hex.format(finish());
    }

    private static void putLittleEndian(byte[] out, int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
        out[at + 2] = (byte) (v >>> 16);
        out[at + 3] = (byte) (v >>> 24);
    }

    private void decode(byte[] data, int at) {
        for (int i = 0; i < BLOCK_WORDS; i++) {
            int p = at + 4 * i;
            words[i] = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16
                    | (data[p + 3] & 0xff) << 24;
        }
    }

    /** Runs {@code count} blocks from {@code w[o..]}, keeping the chaining values in locals throughout. */
    private void blocks(int[] w, int offset, int count) {
        int aa = a0;
        int bb = b0;
        int cc = c0;
        int dd = d0;
        int o = offset;
        for (int n = 0; n < count; n++) {
            int a = aa;
            int b = bb;
            int c = cc;
            int d = dd;
            int x0 = w[o + 0];
            int x1 = w[o + 1];
            int x2 = w[o + 2];
            int x3 = w[o + 3];
            int x4 = w[o + 4];
            int x5 = w[o + 5];
            int x6 = w[o + 6];
            int x7 = w[o + 7];
            int x8 = w[o + 8];
            int x9 = w[o + 9];
            int x10 = w[o + 10];
            int x11 = w[o + 11];
            int x12 = w[o + 12];
            int x13 = w[o + 13];
            int x14 = w[o + 14];
            int x15 = w[o + 15];
            a = ff(a, b, c, d, x0, 7, 0xd76aa478);
            d = ff(d, a, b, c, x1, 12, 0xe8c7b756);
            c = ff(c, d, a, b, x2, 17, 0x242070db);
            b = ff(b, c, d, a, x3, 22, 0xc1bdceee);
            a = ff(a, b, c, d, x4, 7, 0xf57c0faf);
            d = ff(d, a, b, c, x5, 12, 0x4787c62a);
            c = ff(c, d, a, b, x6, 17, 0xa8304613);
            b = ff(b, c, d, a, x7, 22, 0xfd469501);
            a = ff(a, b, c, d, x8, 7, 0x698098d8);
            d = ff(d, a, b, c, x9, 12, 0x8b44f7af);
            c = ff(c, d, a, b, x10, 17, 0xffff5bb1);
            b = ff(b, c, d, a, x11, 22, 0x895cd7be);
            a = ff(a, b, c, d, x12, 7, 0x6b901122);
            d = ff(d, a, b, c, x13, 12, 0xfd987193);
            c = ff(c, d, a, b, x14, 17, 0xa679438e);
            b = ff(b, c, d, a, x15, 22, 0x49b40821);
            a = gg(a, b, c, d, x1, 5, 0xf61e2562);
            d = gg(d, a, b, c, x6, 9, 0xc040b340);
            c = gg(c, d, a, b, x11, 14, 0x265e5a51);
            b = gg(b, c, d, a, x0, 20, 0xe9b6c7aa);
            a = gg(a, b, c, d, x5, 5, 0xd62f105d);
            d = gg(d, a, b, c, x10, 9, 0x02441453);
            c = gg(c, d, a, b, x15, 14, 0xd8a1e681);
            b = gg(b, c, d, a, x4, 20, 0xe7d3fbc8);
            a = gg(a, b, c, d, x9, 5, 0x21e1cde6);
            d = gg(d, a, b, c, x14, 9, 0xc33707d6);
            c = gg(c, d, a, b, x3, 14, 0xf4d50d87);
            b = gg(b, c, d, a, x8, 20, 0x455a14ed);
            a = gg(a, b, c, d, x13, 5, 0xa9e3e905);
            d = gg(d, a, b, c, x2, 9, 0xfcefa3f8);
            c = gg(c, d, a, b, x7, 14, 0x676f02d9);
            b = gg(b, c, d, a, x12, 20, 0x8d2a4c8a);
            a = hh(a, b, c ^ d, x5, 4, 0xfffa3942);
            d = hh(d, a, b ^ c, x8, 11, 0x8771f681);
            c = hh(c, d, a ^ b, x11, 16, 0x6d9d6122);
            b = hh(b, c, d ^ a, x14, 23, 0xfde5380c);
            a = hh(a, b, c ^ d, x1, 4, 0xa4beea44);
            d = hh(d, a, b ^ c, x4, 11, 0x4bdecfa9);
            c = hh(c, d, a ^ b, x7, 16, 0xf6bb4b60);
            b = hh(b, c, d ^ a, x10, 23, 0xbebfbc70);
            a = hh(a, b, c ^ d, x13, 4, 0x289b7ec6);
            d = hh(d, a, b ^ c, x0, 11, 0xeaa127fa);
            c = hh(c, d, a ^ b, x3, 16, 0xd4ef3085);
            b = hh(b, c, d ^ a, x6, 23, 0x04881d05);
            a = hh(a, b, c ^ d, x9, 4, 0xd9d4d039);
            d = hh(d, a, b ^ c, x12, 11, 0xe6db99e5);
            c = hh(c, d, a ^ b, x15, 16, 0x1fa27cf8);
            b = hh(b, c, d ^ a, x2, 23, 0xc4ac5665);
            a = ii(a, b, c, d, x0, 6, 0xf4292244);
            d = ii(d, a, b, c, x7, 10, 0x432aff97);
            c = ii(c, d, a, b, x14, 15, 0xab9423a7);
            b = ii(b, c, d, a, x5, 21, 0xfc93a039);
            a = ii(a, b, c, d, x12, 6, 0x655b59c3);
            d = ii(d, a, b, c, x3, 10, 0x8f0ccc92);
            c = ii(c, d, a, b, x10, 15, 0xffeff47d);
            b = ii(b, c, d, a, x1, 21, 0x85845dd1);
            a = ii(a, b, c, d, x8, 6, 0x6fa87e4f);
            d = ii(d, a, b, c, x15, 10, 0xfe2ce6e0);
            c = ii(c, d, a, b, x6, 15, 0xa3014314);
            b = ii(b, c, d, a, x13, 21, 0x4e0811a1);
            a = ii(a, b, c, d, x4, 6, 0xf7537e82);
            d = ii(d, a, b, c, x11, 10, 0xbd3af235);
            c = ii(c, d, a, b, x2, 15, 0x2ad7d2bb);
            b = ii(b, c, d, a, x9, 21, 0xeb86d391);
            aa += a;
            bb += b;
            cc += c;
            dd += d;
            o += BLOCK_WORDS;
        }
        a0 = aa;
        b0 = bb;
        c0 = cc;
        d0 = dd;
    }

    // The four auxiliary functions of RFC 1321 section 3.4, each followed by the add and rotate. Each
    // step waits for b, the previous step's result, so each is written with as few operations after
    // b as possible; message word, constant and everything of c and d are added first:
    // F = d ^ (b & (c ^ d)) (as in Solar Designer's public-domain MD5); G = (b & d) | (c & ~d) as
    // (c & ~d) + (b & d), the two terms having no bit in common, so one AND and one add after b;
    // H = b ^ (c ^ d) with c ^ d computed before b is known; I = c ^ (b | ~d).
    private static int ff(int a, int b, int c, int d, int x, int s, int t) {
        int v = a + x + t + (d ^ (b & (c ^ d)));
        return ((v << s) | (v >>> (32 - s))) + b;
    }

    private static int gg(int a, int b, int c, int d, int x, int s, int t) {
        int v = a + x + t + (c & ~d) + (b & d);
        return ((v << s) | (v >>> (32 - s))) + b;
    }

    /** H step with {@code cd} = c ^ d given. */
    private static int hh(int a, int b, int cd, int x, int s, int t) {
        int v = a + x + t + (b ^ cd);
        return ((v << s) | (v >>> (32 - s))) + b;
    }

    private static int ii(int a, int b, int c, int d, int x, int s, int t) {
        int v = a + x + t + (c ^ (b | ~d));
        return ((v << s) | (v >>> (32 - s))) + b;
    }
}
