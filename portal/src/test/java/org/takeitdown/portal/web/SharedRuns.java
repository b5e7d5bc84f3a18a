package org.takeitdown.portal.web;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether any run of {@code n} bytes of a file occurs in any request body: a rolling hash over
 * every window (arithmetic mod 2^64), each candidate confirmed byte by byte, so the answer is exact.
 */
public final class SharedRuns {
    private static final long BASE = 1_000_003L;

    private SharedRuns() {
    }

    private interface Window {
        void at(int offset, long hash);
    }

    /** The offset in {@code file} of a run of {@code n} bytes that some body contains, or -1. */
    public static long firstShared(byte[] file, List<byte[]> bodies, int n) {
        Set<Long> hashes = new HashSet<>();
        for (byte[] b : bodies) {
            forEachWindow(b, n, (at, h) -> hashes.add(h));
        }
        long[] found = {-1};
        forEachWindow(file, n, (at, h) -> {
            if (found[0] < 0 && hashes.contains(h) && inAnyBody(file, at, n, bodies)) {
                found[0] = at;
            }
        });
        return found[0];
    }

    private static boolean inAnyBody(byte[] file, int at, int n, List<byte[]> bodies) {
        for (byte[] b : bodies) {
            for (int i = 0; i + n <= b.length; i++) {
                if (Arrays.equals(file, at, at + n, b, i, i + n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void forEachWindow(byte[] data, int n, Window w) {
        if (data.length < n) {
            return;
        }
        long top = 1;
        for (int i = 0; i < n - 1; i++) {
            top *= BASE;
        }
        long h = 0;
        for (int i = 0; i < n; i++) {
            h = h * BASE + (data[i] & 0xff);
        }
        w.at(0, h);
        for (int i = n; i < data.length; i++) {
            h = (h - (data[i - n] & 0xff) * top) * BASE + (data[i] & 0xff);
            w.at(i - n + 1, h);
        }
    }
}
