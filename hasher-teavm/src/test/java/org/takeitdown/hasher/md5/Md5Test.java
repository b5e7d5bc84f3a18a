package org.takeitdown.hasher.md5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Md5Test {
    private static String reference(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    @Test
    void matchesRfc1321TestSuite() {
        String[][] suite = {
            {"", "d41d8cd98f00b204e9800998ecf8427e"},
            {"a", "0cc175b9c0f1b6a831c399e269772661"},
            {"abc", "900150983cd24fb0d6963f7d28e17f72"},
            {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
            {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
            {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "d174ab98d277d9f5a5611c2c9f419d9f"},
            {"1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"},
        };
        for (String[] c : suite) {
            assertThat(Md5.hex(c[0].getBytes(StandardCharsets.US_ASCII))).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void equalsMessageDigestAroundEveryPaddingBoundary() throws Exception {
        for (int n = 0; n <= 200; n++) {
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (i * 31 + n);
            }
            assertThat(Md5.hex(data)).as("length %d", n).isEqualTo(reference(data));
        }
    }

    @Property(tries = 300)
    void equalsMessageDigestForAnyChunking(@ForAll @Size(max = 5000) byte[] data,
                                           @ForAll @IntRange(min = 1, max = 200) int chunk) throws Exception {
        Md5 md5 = new Md5();
        for (int at = 0; at < data.length; at += chunk) {
            md5.update(data, at, Math.min(chunk, data.length - at));
        }
        assertThat(md5.finishHex()).isEqualTo(reference(data));
    }

    @Property(tries = 100)
    void wordBlocksGiveTheSameDigestAsBytes(@ForAll @Size(max = 40) byte[] tail,
                                            @ForAll @IntRange(min = 0, max = 200) int blocks) throws Exception {
        byte[] data = new byte[blocks * 64 + tail.length];
        for (int i = 0; i < blocks * 64; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        System.arraycopy(tail, 0, data, blocks * 64, tail.length);
        int[] words = new int[blocks * 16 + 16];
        for (int w = 0; w < blocks * 16; w++) {
            int p = 4 * w;
            words[w + 16] = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16
                    | (data[p + 3] & 0xff) << 24;
        }
        Md5 md5 = new Md5().updateWords(words, 16, blocks).update(data, blocks * 64, tail.length);
        assertThat(md5.finishHex()).isEqualTo(reference(data));
    }

    @Test
    void handlesMoreThanFourGibibytes() throws Exception {
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i ^ (i >>> 8));
        }
        MessageDigest ref = MessageDigest.getInstance("MD5");
        Md5 md5 = new Md5();
        long total = (4L << 30) + 12345;
        for (long done = 0; done < total; ) {
            int n = (int) Math.min(chunk.length, total - done);
            ref.update(chunk, 0, n);
            md5.update(chunk, 0, n);
            done += n;
        }
        assertThat(md5.finishHex()).isEqualTo(HexFormat.of().formatHex(ref.digest()));
    }

    @Test
    void finishResetsForTheNextMessage() {
        Md5 md5 = new Md5();
        md5.update(new byte[] {1, 2, 3}, 0, 3).finishHex();
        assertThat(md5.finishHex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void rejectsOutOfRangeSlicesAndWordsOffBoundary() {
        Md5 md5 = new Md5();
        assertThatThrownBy(() -> md5.update(new byte[4], 2, 3)).isInstanceOf(IllegalArgumentException.class);
        md5.update(new byte[3], 0, 3);
        assertThatThrownBy(() -> md5.updateWords(new int[16], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Md5().updateWords(new int[16], 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
