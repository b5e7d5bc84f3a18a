package org.takeitdown.hasher.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Records written by ffmpeg 5.1's libx264 (with ffprobe's pix_fmt for each) and SPSs built bit by bit
 * through every branch before the VUI's range flag; broken records are unknown, never an exception.
 */
class AvcSampleRangeTest {
    /** {@code ffmpeg -f lavfi -i testsrc2=size=64x48 -c:v libx264 ...}: the avcC box of each clip. */
    static final String YUVJ420P = "0164000affe100176764000aacd9447b016c80000003008000001e078912cb01000468ef8fcbfdf8f800";
    /** Untagged: x264 writes no video signal type, so ffmpeg keeps the container's (unspecified) range. */
    static final String YUV420P = "0164000affe100186764000aacd9447b0110000003001000000303c0f122596001000468ef8fcbfdf8f800";
    /** {@code -colorspace bt709 -color_primaries bt709 -color_trc bt709}: a video signal type, flag 0. */
    static final String YUV420P_BT709 = "0164000affe1001a6764000aacd9447b016a02020280000003008000001e078912cb01000468ef"
            + "8fcbfdf8f800";
    /** {@code -pix_fmt yuv420p10le -color_range pc}: full range flag set, but ffmpeg has no 10-bit yuvj. */
    static final String YUV420P10_PC = "016e000affe10019676e000aa6cd9447b016c8000003000800000301e078912cb001000468ef8fcbf"
            + "dfafa00";
    static final String YUVJ444P_CQM = "01f4000affe1001967f4000a919b288f602d90000003001000000303c0f122596001000768ef8f19"
            + "300019fff8f800";
    static final String YUVJ420P_BASELINE = "0142c00affe100176742c00ada11ec05b2000003000200000300781e244d4001000468ce0fc8";
    static final String YUVJ420P_SAR_33_17 = "0164000affe1001b6764000aacd9447bff002100016c80000003008000001e078912cb0100"
            + "0468ef8fcbfdf8f800";

    private static AvcSampleRange of(String hex) {
        return AvcSampleRange.of(HexFormat.of().parseHex(hex));
    }

    @Test
    void ffmpegsFullRangeEightBitStreamsAreFullTaggedLimitedOnesLimitedAndUntaggedOnesUnspecified() {
        assertThat(of(YUVJ420P)).isEqualTo(AvcSampleRange.FULL);
        assertThat(of(YUVJ444P_CQM)).isEqualTo(AvcSampleRange.FULL);
        assertThat(of(YUVJ420P_BASELINE)).isEqualTo(AvcSampleRange.FULL);
        assertThat(of(YUVJ420P_SAR_33_17)).isEqualTo(AvcSampleRange.FULL);
        assertThat(of(YUV420P_BT709)).isEqualTo(AvcSampleRange.LIMITED);
        assertThat(of(YUV420P)).isEqualTo(AvcSampleRange.UNSPECIFIED);
        assertThat(of(YUV420P10_PC)).isEqualTo(AvcSampleRange.LIMITED);
    }

    /** An SPS through every optional syntax element before video_full_range_flag. */
    private static byte[] everyBranch(int profile, int chromaFormat, boolean fullRange, int bitDepth) {
        Writer w = new Writer();
        w.bits(profile, 8).bits(0, 8).bits(40, 8).ue(3);
        if (profile == 100 || profile == 244 || profile == 144) {
            w.ue(chromaFormat);
            if (chromaFormat == 3) {
                w.bits(0, 1);
            }
            w.ue(bitDepth - 8).ue(bitDepth - 8).bits(1, 1).bits(1, 1);
            for (int i = 0; i < (chromaFormat == 3 ? 12 : 8); i++) {
                if (i % 3 == 2) {
                    w.bits(0, 1);
                } else if (i % 3 == 1) {
                    w.bits(1, 1).se(-8);   // next scale 0 at once: the default list
                } else {
                    w.bits(1, 1);
                    int size = i < 6 ? 16 : 64;
                    for (int j = 0; j < size; j++) {
                        w.se(j % 2 == 0 ? 5 : -3);
                    }
                }
            }
        }
        w.ue(6).ue(1).bits(0, 1).se(-17).se(300).ue(4);
        for (int i = 0; i < 4; i++) {
            w.se(i * 1000 - 1500);
        }
        w.ue(4).bits(1, 1).ue(1 << 20).ue(29).bits(0, 1).bits(1, 1).bits(1, 1);
        w.bits(1, 1).ue(0).ue(7).ue(1).ue(65535);
        w.bits(1, 1);                               // vui_parameters_present_flag
        w.bits(1, 1).bits(255, 8).bits(0, 16).bits(1, 16);   // a zero run the NAL must escape
        w.bits(1, 1).bits(1, 1);                    // overscan
        w.bits(1, 1).bits(5, 3).bits(fullRange ? 1 : 0, 1);
        w.bits(1, 1).bits(1, 8).bits(1, 8).bits(1, 8).bits(1, 1);
        return w.sps();
    }

    @Test
    void theRangeFlagIsFoundPastScalingListsPocTypeOneCroppingAndExtendedSar() {
        for (int chroma : new int[] {1, 3}) {
            int profile = chroma == 3 ? 244 : 100;
            assertThat(AvcSampleRange.of(avcC(everyBranch(profile, chroma, true, 8)))).as("chroma %d", chroma)
                    .isEqualTo(AvcSampleRange.FULL);
            assertThat(AvcSampleRange.of(avcC(everyBranch(profile, chroma, false, 8)))).as("chroma %d", chroma)
                    .isEqualTo(AvcSampleRange.LIMITED);
            assertThat(AvcSampleRange.of(avcC(everyBranch(profile, chroma, true, 10)))).as("chroma %d", chroma)
                    .isEqualTo(AvcSampleRange.LIMITED);
        }
        assertThat(AvcSampleRange.of(avcC(everyBranch(77, 1, true, 8)))).isEqualTo(AvcSampleRange.FULL);
        assertThat(AvcSampleRange.of(avcC(everyBranch(77, 1, false, 8)))).isEqualTo(AvcSampleRange.LIMITED);
    }

    @Test
    void theOldHigh444ProfileCarriesTheHighProfileFieldsAsFfmpegReadsIt() {
        assertThat(AvcSampleRange.of(avcC(everyBranch(144, 1, true, 8)))).isEqualTo(AvcSampleRange.FULL);
        assertThat(AvcSampleRange.of(avcC(everyBranch(144, 3, false, 8)))).isEqualTo(AvcSampleRange.LIMITED);
    }

    @Test
    void emulationPreventionBytesAreNotReadAsSpsBits() {
        byte[] record = avcC(everyBranch(100, 1, true, 8));
        assertThat(HexFormat.of().formatHex(record)).contains("000003");
        assertThat(AvcSampleRange.rbsp(new byte[] {0, 0, 3, 1, 0, 0, 3, 0, 0, 3}, 0, 10))
                .containsExactly(0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void streamsWithoutVuiOrVideoSignalTypeAreUnspecifiedSoTheContainerDecides() {
        Writer noVui = new Writer().bits(66, 8).bits(0, 8).bits(30, 8).ue(0).ue(0).ue(2).ue(1).bits(0, 1)
                .ue(3).ue(2).bits(1, 1).bits(1, 1).bits(0, 1).bits(0, 1);
        assertThat(AvcSampleRange.of(avcC(noVui.sps()))).isEqualTo(AvcSampleRange.UNSPECIFIED);
        Writer noSignal = new Writer().bits(66, 8).bits(0, 8).bits(30, 8).ue(0).ue(0).ue(2).ue(1).bits(0, 1)
                .ue(3).ue(2).bits(1, 1).bits(1, 1).bits(0, 1).bits(1, 1).bits(0, 1).bits(0, 1).bits(0, 1).bits(0, 1);
        assertThat(AvcSampleRange.of(avcC(noSignal.sps()))).isEqualTo(AvcSampleRange.UNSPECIFIED);
    }

    @Test
    void truncatedRecordsAndSpssAreUnknown() {
        byte[] record = HexFormat.of().parseHex(YUVJ420P);
        for (int n = 0; n < record.length; n++) {
            assertThat(AvcSampleRange.of(Arrays.copyOf(record, n))).as("first %d bytes", n).isIn(
                    AvcSampleRange.UNKNOWN, n >= 8 + 0x17 ? AvcSampleRange.FULL : AvcSampleRange.UNKNOWN);
        }
        byte[] sps = everyBranch(100, 3, true, 8);
        int firstFull = -1;
        for (int n = 3; n <= sps.length; n++) {
            AvcSampleRange r = AvcSampleRange.of(avcC(Arrays.copyOf(sps, n)));
            assertThat(r).as("SPS cut to %d bytes", n).isNotEqualTo(AvcSampleRange.LIMITED);
            if (r == AvcSampleRange.FULL && firstFull < 0) {
                firstFull = n;
            }
        }
        assertThat(firstFull).as("shortest SPS read as full: the one with the flag").isBetween(sps.length - 4, sps.length - 3);
    }

    @Test
    void recordsThatAreNotAvcCAreUnknown() {
        assertThat(AvcSampleRange.of(null)).isEqualTo(AvcSampleRange.UNKNOWN);
        assertThat(AvcSampleRange.of(new byte[0])).isEqualTo(AvcSampleRange.UNKNOWN);
        byte[] record = HexFormat.of().parseHex(YUVJ420P);
        byte[] version0 = record.clone();
        version0[0] = 0;
        assertThat(AvcSampleRange.of(version0)).isEqualTo(AvcSampleRange.UNKNOWN);
        byte[] noSps = record.clone();
        noSps[5] = (byte) 0xe0;
        assertThat(AvcSampleRange.of(noSps)).isEqualTo(AvcSampleRange.UNKNOWN);
        byte[] pps = record.clone();
        pps[8] = 0x68;
        assertThat(AvcSampleRange.of(pps)).isEqualTo(AvcSampleRange.UNKNOWN);
        assertThat(AvcSampleRange.of(HexFormat.of().parseHex("0164000affe1ffff67"))).isEqualTo(AvcSampleRange.UNKNOWN);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(7);
        int known = 0;
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[9 + random.nextInt(40)];
            random.nextBytes(b);
            b[0] = 1;
            b[5] = (byte) 0xe1;
            b[6] = 0;
            b[7] = (byte) (b.length - 8);
            b[8] = 0x67;
            if (AvcSampleRange.of(b) != AvcSampleRange.UNKNOWN) {
                known++;
            }
        }
        assertThat(known).as("random SPSs that parse").isPositive();
    }

    /** An avcC record holding {@code sps} (payload after the NAL header) with emulation prevention. */
    static byte[] avcC(byte[] sps) {
        ByteArrayOutputStream nal = new ByteArrayOutputStream();
        nal.write(0x67);
        int zeros = 0;
        for (byte b : sps) {
            if (zeros >= 2 && (b & 0xff) <= 3) {
                nal.write(3);
                zeros = 0;
            }
            nal.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        byte[] n = nal.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {1, n[1], n[2], n[3], (byte) 0xff, (byte) 0xe1, (byte) (n.length >> 8),
                (byte) n.length});
        out.writeBytes(n);
        out.writeBytes(new byte[] {1, 0, 4, 0x68, (byte) 0xef, (byte) 0x8f, (byte) 0xcb});
        return out.toByteArray();
    }

    /** Writes SPS fields: fixed-width bits and Exp-Golomb codes, then the RBSP trailing bits. */
    static final class Writer {
        private final StringBuilder bits = new StringBuilder();

        Writer bits(long value, int n) {
            for (int i = n - 1; i >= 0; i--) {
                bits.append((value >> i & 1) == 1 ? '1' : '0');
            }
            return this;
        }

        Writer ue(long value) {
            long code = value + 1;
            int length = 64 - Long.numberOfLeadingZeros(code);
            return bits(0, length - 1).bits(code, length);
        }

        Writer se(int value) {
            return ue(value > 0 ? 2L * value - 1 : -2L * value);
        }

        byte[] sps() {
            StringBuilder b = new StringBuilder(bits).append('1');
            while (b.length() % 8 != 0) {
                b.append('0');
            }
            byte[] out = new byte[b.length() / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(b.substring(i * 8, i * 8 + 8), 2);
            }
            return out;
        }
    }
}
