package org.takeitdown.hasher.pdq;

import java.util.Objects;

/**
 * The 1-D boxes of {@link JaroszFilter} along rows, as {@link DecimatingBlur} runs them: one row, or
 * eight or four rows at once with independent running sums (the additions of one row form a dependency
 * chain; four chains keep the processor busy), writing every output or only sampled ones. Each
 * running sum is the reference's, operation for operation.
 *
 * <p>Two habits here are for TeaVM's JavaScript, where a Java array is an object holding a typed
 * array and {@code a[i]} compiles to {@code a.data[i]}. V8 does not hoist that load, or the checks
 * that come with it, out of a loop, so each array a loop touches costs several instructions an
 * iteration: the full-output kernels read and write one array. And each kernel checks its range
 * with {@code Objects.checkFromIndexSize} before its loops: the {@code a.length} read there
 * unwraps the array once, and TeaVM then reuses that typed array inside the loops instead of
 * unwrapping it at every access.
 */
final class RowBoxes {
    private RowBoxes() {
    }

    private static int half(int window) {
        return JaroszFilter.half(window);
    }

    /** One row of {@code a}: reads {@code a[in .. in + length)}, writes {@code a[out .. out + length)}. */
    static void boxRow(float[] a, int in, int out, int length, int window) {
        Objects.checkFromIndexSize(out, length, a.length);
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int li = in;
        int ri = in;
        int oi = out;
        int count = 0;
        double inverse = 1;
        float sum = 0f;
        for (int k = 0; k < warmUp; k++) {
            sum = F32.r(sum + a[ri++]);
            count++;
        }
        for (int k = 0; k < growing; k++) {
            sum = F32.r(sum + a[ri++]);
            count++;
            inverse = 1.0 / count;
            a[oi++] = F32.quotient(sum, count, inverse);
        }
        for (int k = 0; k < full; k++) {
            sum = F32.r(sum + a[ri++]);
            sum = F32.r(sum - a[li++]);
            a[oi++] = F32.quotient(sum, count, inverse);
        }
        for (int k = 0; k < shrinking; k++) {
            sum = F32.r(sum - a[li++]);
            count--;
            inverse = 1.0 / count;
            a[oi++] = F32.quotient(sum, count, inverse);
        }
    }

    /**
     * Eight consecutive rows of {@code a} from {@code in}, written to {@code a} from {@code out} (the
     * two ranges apart); each row's sum follows exactly the operations of {@link #boxRow}. Eight
     * independent sums, not four: in JavaScript each binary32 step is an addition and two conversions,
     * so one sum's chain is long, and eight of them keep the processor busy.
     */
    static void boxEightRows(float[] a, int in, int out, int length, int window) {
        Objects.checkFromIndexSize(out, 8 * length, a.length);
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int r1 = 1 * length;
        int r2 = 2 * length;
        int r3 = 3 * length;
        int r4 = 4 * length;
        int r5 = 5 * length;
        int r6 = 6 * length;
        int r7 = 7 * length;
        int li = in;
        int ri = in;
        int oi = out;
        int count = 0;
        double inverse = 1;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        for (int k = 0; k < warmUp; k++) {
            s0 = F32.r(s0 + a[ri]);
            s1 = F32.r(s1 + a[r1 + ri]);
            s2 = F32.r(s2 + a[r2 + ri]);
            s3 = F32.r(s3 + a[r3 + ri]);
            s4 = F32.r(s4 + a[r4 + ri]);
            s5 = F32.r(s5 + a[r5 + ri]);
            s6 = F32.r(s6 + a[r6 + ri]);
            s7 = F32.r(s7 + a[r7 + ri]);
            ri++;
            count++;
        }
        for (int k = 0; k < growing; k++) {
            s0 = F32.r(s0 + a[ri]);
            s1 = F32.r(s1 + a[r1 + ri]);
            s2 = F32.r(s2 + a[r2 + ri]);
            s3 = F32.r(s3 + a[r3 + ri]);
            s4 = F32.r(s4 + a[r4 + ri]);
            s5 = F32.r(s5 + a[r5 + ri]);
            s6 = F32.r(s6 + a[r6 + ri]);
            s7 = F32.r(s7 + a[r7 + ri]);
            ri++;
            count++;
            inverse = 1.0 / count;
            a[oi] = F32.quotient(s0, count, inverse);
            a[r1 + oi] = F32.quotient(s1, count, inverse);
            a[r2 + oi] = F32.quotient(s2, count, inverse);
            a[r3 + oi] = F32.quotient(s3, count, inverse);
            a[r4 + oi] = F32.quotient(s4, count, inverse);
            a[r5 + oi] = F32.quotient(s5, count, inverse);
            a[r6 + oi] = F32.quotient(s6, count, inverse);
            a[r7 + oi] = F32.quotient(s7, count, inverse);
            oi++;
        }
        for (int k = 0; k < full; k++) {
            s0 = F32.r(F32.r(s0 + a[ri]) - a[li]);
            s1 = F32.r(F32.r(s1 + a[r1 + ri]) - a[r1 + li]);
            s2 = F32.r(F32.r(s2 + a[r2 + ri]) - a[r2 + li]);
            s3 = F32.r(F32.r(s3 + a[r3 + ri]) - a[r3 + li]);
            s4 = F32.r(F32.r(s4 + a[r4 + ri]) - a[r4 + li]);
            s5 = F32.r(F32.r(s5 + a[r5 + ri]) - a[r5 + li]);
            s6 = F32.r(F32.r(s6 + a[r6 + ri]) - a[r6 + li]);
            s7 = F32.r(F32.r(s7 + a[r7 + ri]) - a[r7 + li]);
            ri++;
            li++;
            a[oi] = F32.quotient(s0, count, inverse);
            a[r1 + oi] = F32.quotient(s1, count, inverse);
            a[r2 + oi] = F32.quotient(s2, count, inverse);
            a[r3 + oi] = F32.quotient(s3, count, inverse);
            a[r4 + oi] = F32.quotient(s4, count, inverse);
            a[r5 + oi] = F32.quotient(s5, count, inverse);
            a[r6 + oi] = F32.quotient(s6, count, inverse);
            a[r7 + oi] = F32.quotient(s7, count, inverse);
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            s0 = F32.r(s0 - a[li]);
            s1 = F32.r(s1 - a[r1 + li]);
            s2 = F32.r(s2 - a[r2 + li]);
            s3 = F32.r(s3 - a[r3 + li]);
            s4 = F32.r(s4 - a[r4 + li]);
            s5 = F32.r(s5 - a[r5 + li]);
            s6 = F32.r(s6 - a[r6 + li]);
            s7 = F32.r(s7 - a[r7 + li]);
            li++;
            count--;
            inverse = 1.0 / count;
            a[oi] = F32.quotient(s0, count, inverse);
            a[r1 + oi] = F32.quotient(s1, count, inverse);
            a[r2 + oi] = F32.quotient(s2, count, inverse);
            a[r3 + oi] = F32.quotient(s3, count, inverse);
            a[r4 + oi] = F32.quotient(s4, count, inverse);
            a[r5 + oi] = F32.quotient(s5, count, inverse);
            a[r6 + oi] = F32.quotient(s6, count, inverse);
            a[r7 + oi] = F32.quotient(s7, count, inverse);
            oi++;
        }
    }


    /**
     * One 1-D box over {@code in[start..start+length)} with {@link #boxRow}'s operations, writing
     * only the outputs at {@code samples} (ascending, repeats allowed): the one for
     * {@code samples[s]} goes to {@code out[outStart + s * outStride]}.
     */
    static void boxSampled(float[] in, int start, int length, int window, int[] samples,
            float[] out, int outStart, int outStride) {
        Objects.checkFromIndexSize(start, length, in.length);
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int li = start;
        int ri = start;
        int oi = 0;
        int s = 0;
        int next = samples[0];
        int count = 0;
        float sum = 0f;
        for (int k = 0; k < warmUp; k++) {
            sum = F32.r(sum + in[ri++]);
            count++;
        }
        for (int k = 0; k < growing; k++) {
            sum = F32.r(sum + in[ri++]);
            count++;
            while (oi == next) {
                out[outStart + s * outStride] = sum / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < full; k++) {
            sum = F32.r(sum + in[ri++]);
            sum = F32.r(sum - in[li++]);
            while (oi == next) {
                out[outStart + s * outStride] = sum / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            sum = F32.r(sum - in[li++]);
            count--;
            while (oi == next) {
                out[outStart + s * outStride] = sum / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
    }

    /**
     * {@link #boxSampled} of four consecutive rows of {@code in} from {@code start} at once (four
     * independent running sums), row {@code k}'s output for {@code samples[s]} going to
     * {@code out[s * outStride + outStart + k]}.
     */
    static void boxFourRowsSampled(float[] in, int start, int length, int window, int[] samples,
            float[] out, int outStart, int outStride) {
        Objects.checkFromIndexSize(start, 4 * length, in.length);
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int r1 = length;
        int r2 = 2 * length;
        int r3 = 3 * length;
        int li = start;
        int ri = start;
        int oi = 0;
        int s = 0;
        int next = samples[0];
        int count = 0;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int k = 0; k < warmUp; k++) {
            s0 = F32.r(s0 + in[ri]);
            s1 = F32.r(s1 + in[r1 + ri]);
            s2 = F32.r(s2 + in[r2 + ri]);
            s3 = F32.r(s3 + in[r3 + ri]);
            ri++;
            count++;
        }
        for (int k = 0; k < growing; k++) {
            s0 = F32.r(s0 + in[ri]);
            s1 = F32.r(s1 + in[r1 + ri]);
            s2 = F32.r(s2 + in[r2 + ri]);
            s3 = F32.r(s3 + in[r3 + ri]);
            ri++;
            count++;
            while (oi == next) {
                int o = s * outStride + outStart;
                out[o] = s0 / count;
                out[o + 1] = s1 / count;
                out[o + 2] = s2 / count;
                out[o + 3] = s3 / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < full; k++) {
            s0 = F32.r(F32.r(s0 + in[ri]) - in[li]);
            s1 = F32.r(F32.r(s1 + in[r1 + ri]) - in[r1 + li]);
            s2 = F32.r(F32.r(s2 + in[r2 + ri]) - in[r2 + li]);
            s3 = F32.r(F32.r(s3 + in[r3 + ri]) - in[r3 + li]);
            ri++;
            li++;
            while (oi == next) {
                int o = s * outStride + outStart;
                out[o] = s0 / count;
                out[o + 1] = s1 / count;
                out[o + 2] = s2 / count;
                out[o + 3] = s3 / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            s0 = F32.r(s0 - in[li]);
            s1 = F32.r(s1 - in[r1 + li]);
            s2 = F32.r(s2 - in[r2 + li]);
            s3 = F32.r(s3 - in[r3 + li]);
            li++;
            count--;
            while (oi == next) {
                int o = s * outStride + outStart;
                out[o] = s0 / count;
                out[o + 1] = s1 / count;
                out[o + 2] = s2 / count;
                out[o + 3] = s3 / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
    }
}
