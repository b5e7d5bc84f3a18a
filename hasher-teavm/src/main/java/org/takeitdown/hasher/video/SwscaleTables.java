package org.takeitdown.hasher.video;

/**
 * libswscale's table-driven YUV to RGB conversion for 8-bit samples, BT.601, as Meta's vPDQ gets it.
 *
 * <p>Meta's reference decodes with ffmpeg and converts every frame with {@code sws_getContext(w, h,
 * pix_fmt, w, h, AV_PIX_FMT_RGB24, SWS_AREA, ...)} and never calls {@code sws_setColorspaceDetails}
 * (ThreatExchange {@code vpdq/cpp/vpdq/cpp/hashing/ffmpegwrapper.cpp} lines 135-148, pixel format and
 * method in {@code ffmpegwrapper.h} lines 30-46, {@code sws_scale} in {@code filehasher.cpp} lines
 * 161-168). So libswscale's defaults apply: the matrix {@code ff_yuv2rgb_coeffs[SWS_CS_DEFAULT]}
 * (BT.601, whatever the stream's colour tags say) and limited ("tv") range, full range only for the
 * {@code yuvj*} formats. For 8-bit yuv420p at the same size libswscale takes its unscaled path,
 * {@code libswscale/yuv2rgb.c}: each chroma sample serves its 2x2 block of luma (no interpolation) and
 * each channel is a lookup {@code y_table[Y + offset(chroma)]}, with the tables that
 * {@code ff_yuv2rgb_c_init_tables}, {@code fill_table} and {@code fill_gv_table} build (24 bpp case).
 * This class builds the same tables from the same integers; on 512x512 frames holding every (U, V)
 * pair with random Y, its output equals ffmpeg 5.1's {@code -cpuflags 0} output byte for byte in both
 * ranges (see {@code hasher-teavm/README.md}, video section).
 */
final class SwscaleTables {
    /*
     * ff_yuv2rgb_coeffs[SWS_CS_DEFAULT] (index 5, "ITU-R Rec. 624-4 System B, G", the BT.601 row;
     * libswscale/yuv2rgb.c lines 43-52 at FFmpeg commit 0093ac5b): {Rv, Bu, Gv, Gu} times 2^16 and
     * times 255/224, i.e. 1.402, 1.772, 0.714136, 0.344136 stretched from the 224 levels of limited
     * chroma to 255. For example 104597 = round(1.402 * 255 / 224 * 65536).
     */
    private static final long COEFF_RV = 104597;
    private static final long COEFF_BU = 132201;
    private static final long COEFF_GV = 53279;
    private static final long COEFF_GU = 25675;

    /** Table length of the 24-bpp case in ff_yuv2rgb_c_init_tables (covers every index used). */
    private static final int Y_TABLE_SIZE = 1024;
    /** The y_table's origin: the table's first entry stands for Y = -384 (the {@code -(384 << 16)}). */
    private static final long Y_TABLE_ORIGIN = 384;
    /** {@code yoffs} of ff_yuv2rgb_c_init_tables: where Y = 0 enters the table, limited and full range. */
    private static final int Y_OFFSET_LIMITED = 326;
    private static final int Y_OFFSET_FULL = 384;

    static final SwscaleTables LIMITED = new SwscaleTables(false);
    static final SwscaleTables FULL = new SwscaleTables(true);

    /** Where the chroma tables start in {@link #table}: by V for red, U and V for green, U for blue. */
    static final int RV = Y_TABLE_SIZE;
    static final int GU = RV + 256;
    static final int GV = GU + 256;
    static final int BU = GV + 256;
    static final int LENGTH = BU + 256;

    /**
     * One array, so that a conversion loop reads one array (cheaper in TeaVM's JavaScript): first the
     * output value for each luma-table index (the clipped, rounded {@code cy * index - offset}), then
     * the index offsets by chroma sample (red, green and blue include yoffs, green-by-V does not).
     */
    final int[] table = new int[LENGTH];

    private SwscaleTables(boolean fullRange) {
        long crv = COEFF_RV;
        long cbu = COEFF_BU;
        long cgu = -COEFF_GU;
        long cgv = -COEFF_GV;
        long cy = 1 << 16;
        long oy = 0;
        if (fullRange) {
            crv = crv * 224 / 255;
            cbu = cbu * 224 / 255;
            cgu = cgu * 224 / 255;
            cgv = cgv * 224 / 255;
        } else {
            cy = cy * 255 / 219;   // luma 16..235 stretched to 0..255: 76309
            oy = 16 << 16;
        }
        // Contrast and saturation are 1 << 16 (sws_init_context's defaults), so they change nothing.
        // "scale coefficients by cy": chroma offsets are counted in steps of the luma table.
        crv = ((crv << 16) + 0x8000) / cy;
        cbu = ((cbu << 16) + 0x8000) / cy;
        cgu = ((cgu << 16) + 0x8000) / cy;
        cgv = ((cgv << 16) + 0x8000) / cy;
        long yb = -(Y_TABLE_ORIGIN << 16) - oy;
        for (int i = 0; i < Y_TABLE_SIZE; i++) {
            table[i] = clip8((yb + 0x8000) >> 16);
            yb += cy;
        }
        int yoffs = fullRange ? Y_OFFSET_FULL : Y_OFFSET_LIMITED;
        for (int c = 0; c < 256; c++) {
            table[RV + c] = yoffs + (int) ((c * crv) >> 16) - (int) (crv >> 9);
            table[GU + c] = yoffs + (int) ((c * cgu) >> 16) - (int) (cgu >> 9);
            table[GV + c] = (int) ((c * cgv) >> 16) - (int) (cgv >> 9);
            table[BU + c] = yoffs + (int) ((c * cbu) >> 16) - (int) (cbu >> 9);
        }
    }

    private static int clip8(long v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) v;
    }

    /** One pixel as an RGBA word (R in the low byte, alpha 255). */
    int rgba(int y, int u, int v) {
        int[] t = table;
        return t[y + t[RV + v]] | t[y + t[GU + u] + t[GV + v]] << 8 | t[y + t[BU + u]] << 16 | 0xff000000;
    }
}
