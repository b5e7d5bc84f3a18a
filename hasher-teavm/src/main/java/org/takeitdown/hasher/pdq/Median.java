package org.takeitdown.hasher.pdq;

/**
 * Torben Mogensen's median by bisection on values (no sorting, no extra memory), as the PDQ
 * reference uses it ({@code MatrixUtil.torben}, implementation by N. Devillard, public domain).
 * For an even count it returns the lower median, which decides which DCT coefficients set a bit.
 */
final class Median {
    private Median() {
    }

    static float torben(float[] m) {
        int n = m.length;
        int half = (n + 1) / 2;
        float min = m[0];
        float max = m[0];
        for (float v : m) {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        int less;
        int greater;
        int equal;
        float guess;
        float maxBelow;
        float minAbove;
        while (true) {
            guess = F32.r(F32.r(min + max) / 2);
            less = 0;
            greater = 0;
            equal = 0;
            maxBelow = min;
            minAbove = max;
            for (float v : m) {
                if (v < guess) {
                    less++;
                    if (v > maxBelow) {
                        maxBelow = v;
                    }
                } else if (v > guess) {
                    greater++;
                    if (v < minAbove) {
                        minAbove = v;
                    }
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                break;
            } else if (less > greater) {
                max = maxBelow;
            } else {
                min = minAbove;
            }
        }
        if (less >= half) {
            return maxBelow;
        } else if (less + equal >= half) {
            return guess;
        }
        return minAbove;
    }
}
