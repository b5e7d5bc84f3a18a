package org.takeitdown.portal.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.takeitdown.hasher.pdq.PdqHash;

/**
 * Hashes that cannot be of a picture or video someone needs taken down, and would match files that
 * have nothing to do with them at every platform: they are refused.
 *
 * <p>MD5: the MD5 of each file below, computed here from its bytes so the list carries its own
 * source. The empty file's MD5 is RFC 1321's own test value (appendix A.5,
 * {@code d41d8cd98f00b204e9800998ecf8427e}).
 *
 * <p>PDQ: a hash within {@link #PDQ_DISTANCE} bits (the matching radius) of a listed degenerate hash,
 * or one whose count of set bits no real image gives. PDQ sets a bit where a DCT coefficient is above
 * the lower median of all 256 (hasher {@code PdqHasher} and {@code Median}, as Meta's reference
 * {@code pdqhashing}), so at most 128 bits are set, and 128 when the coefficients differ. Measured with this portal's
 * hasher: every hash in the shared vectors ({@code pdq/expected.tsv}, 50 images, also Meta's C++
 * reference hashes in that file) sets exactly 128 bits; of 400 generated images (hasher-teavm test
 * helper {@code GeneratedImages}, seed 42: noise, gradients, shapes, flat colours, tiny sizes) those
 * of quality ≥ 50 set 90 to 128 bits, and lower counts (0 to 106) came only from flat or 1-to-3-pixel
 * images of quality below 50. Below {@link #PDQ_MIN_BITS} (half of 128, a wide margin under 90) or
 * above {@link #PDQ_MAX_BITS} (the hard maximum: no image can set more) a hash is refused whatever
 * quality the client claims. A flat image of
 * another colour gives a hash of rounding noise that this rule does not always catch; its quality is
 * 0, so the page never sends it, and matching leaves out hashes with quality below 50 — but a client
 * claiming a higher quality is trusted there.
 */
public final class DegenerateHashes {
    static final int PDQ_DISTANCE = 31;
    static final int PDQ_MIN_BITS = 64;
    static final int PDQ_MAX_BITS = 128;

    /** Files that are no one's picture, by what they are; their MD5s are refused. */
    static final Map<String, byte[]> FILES = Map.of(
            "an empty file", new byte[0],
            "a file of one zero byte", new byte[] {0},
            "a file of one line break", "\n".getBytes(StandardCharsets.US_ASCII),
            "a 1×1 transparent GIF (a common 42-byte web tracking pixel)",
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));

    /**
     * PDQ hashes of no picture: all bits clear (this hasher's hash of a black image of any size), all
     * bits set, and this hasher's hashes of flat white and flat mid-grey images of any size
     * (recomputed by the test).
     */
    static final Map<String, String> PDQS = Map.of(
            "a black image (all bits clear)", "0".repeat(64),
            "nothing (all bits set)", "f".repeat(64),
            "a flat white image", "00001134000011342c4b00002c4b1134000000002c4b2c4b00002c4b8200554b",
            "a flat mid-grey image", "000000002c4b11342c4b2c4b0000554b00002c4b113411342c4b585e2c4b017e");

    private static final Map<String, String> MD5S = md5s();
    private static final List<Map.Entry<String, PdqHash>> PDQ_HASHES = PDQS.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), PdqHash.fromHex(e.getValue()))).toList();

    private DegenerateHashes() {
    }

    /** Why this lowercase MD5 can't be content (the file it is the MD5 of), or null when it can. */
    static String md5Refusal(String md5) {
        return MD5S.get(md5);
    }

    /** The refused MD5s (lowercase hex), sorted: the hashing page leaves such files out before sending. */
    public static List<String> refusedMd5s() {
        return MD5S.keySet().stream().sorted().toList();
    }

    /** Why this lowercase PDQ can't be content, or null when it can. */
    public static String pdqRefusal(String pdq) {
        PdqHash hash = PdqHash.fromHex(pdq);
        for (Map.Entry<String, PdqHash> d : PDQ_HASHES) {
            if (hash.distance(d.getValue()) <= PDQ_DISTANCE) {
                return "it is within " + PDQ_DISTANCE + " bits of the PDQ of " + d.getKey();
            }
        }
        int bits = bitCount(hash);
        if (bits < PDQ_MIN_BITS || bits > PDQ_MAX_BITS) {
            return "it sets " + bits + " of 256 bits; a real image's PDQ sets " + PDQ_MIN_BITS + " to " + PDQ_MAX_BITS;
        }
        return null;
    }

    static int bitCount(PdqHash hash) {
        int bits = 0;
        for (int w : hash.words()) {
            bits += Integer.bitCount(w);
        }
        return bits;
    }

    private static Map<String, String> md5s() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return Map.copyOf(FILES.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> HexFormat.of().formatHex(md5.digest(e.getValue())), Map.Entry::getKey)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
