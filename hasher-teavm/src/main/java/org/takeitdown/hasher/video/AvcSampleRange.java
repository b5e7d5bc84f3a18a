package org.takeitdown.hasher.video;

import java.util.Arrays;

/**
 * Whether an H.264 stream's samples are full range, read from its first sequence parameter set as
 * ffmpeg's H.264 decoder reads it (the CLI's yuvj formats, the only full range Meta's reference honours).
 */
public enum AvcSampleRange {
    /** 8-bit samples with {@code video_full_range_flag} 1: ffmpeg decodes them to a yuvj format. */
    FULL,
    /** 16..235 luma: the flag 0, or more than 8 bits (ffmpeg has no yuvj format for them). */
    LIMITED,
    /**
     * The SPS has no video signal type: ffmpeg then keeps the container's range (an MP4 {@code colr} box
     * of type {@code nclx}), and limited range when the container does not say either.
     */
    UNSPECIFIED,
    /** The record or its first SPS cannot be read: truncated, malformed, or not avcC. */
    UNKNOWN;

    private static final int SPS = 7;

    /**
     * The range of the stream whose decoder configuration record ({@code avcC}, ISO/IEC 14496-15, the
     * WebCodecs {@code description} of an MP4's H.264 track) is {@code avcC}. Never throws.
     */
    public static AvcSampleRange of(byte[] avcC) {
        if (avcC == null || avcC.length < 8 || avcC[0] != 1 || (avcC[5] & 0x1f) == 0) {
            return UNKNOWN;
        }
        int length = (avcC[6] & 0xff) << 8 | avcC[7] & 0xff;
        if (length < 2 || 8 + length > avcC.length || (avcC[8] & 0x1f) != SPS) {
            return UNKNOWN;
        }
        try {
            return ofSps(new Bits(rbsp(avcC, 9, 8 + length)));
        } catch (IndexOutOfBoundsException e) {
            return UNKNOWN;
        }
    }

    /** The NAL unit's payload from {@code from} to {@code to} without its emulation-prevention bytes. */
    static byte[] rbsp(byte[] nal, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int b = nal[i] & 0xff;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return Arrays.copyOf(out, n);
    }

    /** ITU-T H.264 7.3.2.1.1 up to the VUI's {@code video_full_range_flag} (E.1.1). */
    private static AvcSampleRange ofSps(Bits r) {
        int profile = r.bits(8);
        r.bits(16);   // constraint_set flags and reserved bits, level_idc
        r.ue();       // seq_parameter_set_id
        int bitDepthLuma = 8;
        if (highProfile(profile)) {
            int chromaFormat = r.ue();
            if (chromaFormat == 3) {
                r.bits(1);   // separate_colour_plane_flag
            }
            bitDepthLuma = 8 + r.ue();
            r.ue();          // bit_depth_chroma_minus8
            r.bits(1);       // qpprime_y_zero_transform_bypass_flag
            if (r.bits(1) == 1) {
                int lists = chromaFormat == 3 ? 12 : 8;
                for (int i = 0; i < lists; i++) {
                    if (r.bits(1) == 1) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue();   // log2_max_frame_num_minus4
        int pocType = r.ue();
        if (pocType == 0) {
            r.ue();   // log2_max_pic_order_cnt_lsb_minus4
        } else if (pocType == 1) {
            r.bits(1);   // delta_pic_order_always_zero_flag
            r.se();      // offset_for_non_ref_pic
            r.se();      // offset_for_top_to_bottom_field
            int cycle = r.ue();
            for (int i = 0; i < cycle; i++) {
                r.se();   // offset_for_ref_frame[i]
            }
        }
        r.ue();       // max_num_ref_frames
        r.bits(1);    // gaps_in_frame_num_value_allowed_flag
        r.ue();       // pic_width_in_mbs_minus1
        r.ue();       // pic_height_in_map_units_minus1
        if (r.bits(1) == 0) {
            r.bits(1);   // mb_adaptive_frame_field_flag
        }
        r.bits(1);    // direct_8x8_inference_flag
        if (r.bits(1) == 1) {
            r.ue();   // frame_crop_left_offset, right, top, bottom
            r.ue();
            r.ue();
            r.ue();
        }
        if (bitDepthLuma != 8) {
            return LIMITED;
        }
        if (r.bits(1) == 0) {
            return UNSPECIFIED;   // no VUI
        }
        if (r.bits(1) == 1 && r.bits(8) == 255) {
            r.bits(32);   // Extended_SAR: sar_width, sar_height
        }
        if (r.bits(1) == 1) {
            r.bits(1);    // overscan_appropriate_flag
        }
        if (r.bits(1) == 0) {
            return UNSPECIFIED;   // no video_signal_type
        }
        r.bits(3);            // video_format
        return r.bits(1) == 1 ? FULL : LIMITED;
    }

    /**
     * The profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices, as ffmpeg lists
     * them ({@code ff_h264_decode_seq_parameter_set} in libavcodec/h264_ps.c): the standard's list with the
     * old High 4:4:4 profile (144, which ffmpeg 5.1 still decodes), without MVC-D and MFC (139, 134, 135,
     * which it does not decode at all).
     */
    private static boolean highProfile(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 144 -> true;
            default -> false;
        };
    }

    /** scaling_list(): deltas until the list ends or a delta makes the next scale 0 (7.3.2.1.1.1). */
    private static void skipScalingList(Bits r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size && next != 0; j++) {
            next = (last + r.se() + 256) % 256;
            last = next == 0 ? last : next;
        }
    }

    /** Big-endian bit reader with Exp-Golomb codes; reading past the end throws IndexOutOfBounds. */
    private static final class Bits {
        private final byte[] data;
        private int pos;

        Bits(byte[] data) {
            this.data = data;
        }

        int bits(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (pos >> 3 >= data.length) {
                    throw new IndexOutOfBoundsException("SPS ends at bit " + pos);
                }
                v = v << 1 | (data[pos >> 3] >> (7 - (pos & 7))) & 1;
                pos++;
            }
            return v;
        }

        int ue() {
            int zeros = 0;
            while (bits(1) == 0) {
                if (++zeros > 31) {
                    throw new IndexOutOfBoundsException("Exp-Golomb code longer than 32 bits");
                }
            }
            return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : Integer.toUnsignedLong(bits(zeros))));
        }

        int se() {
            long k = Integer.toUnsignedLong(ue());
            return (int) ((k & 1) == 1 ? (k + 1) / 2 : -(k / 2));
        }
    }
}
