package org.takeitdown.portal.platform.index;

import java.util.Arrays;

/**
 * The slots one query has already reported, so a hash reached through several chunks counts once:
 * open addressing over ints, emptied in time linear in the size asked for, so the whole
 * de-duplication is linear in the candidates (a list scanned for each one was quadratic).
 */
final class SlotSet {
    private static final int EMPTY = -1;
    private int[] table = new int[64];
    private int mask = 63;

    /** Empties the set and sizes it for up to {@code n} slots (at most half full). */
    void clear(long n) {
        int cap = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(32, n)) * 2 - 1) << 1;
        if (cap > table.length) {
            table = new int[cap];
        }
        mask = cap - 1;
        Arrays.fill(table, 0, cap, EMPTY);
    }

    /** Adds {@code slot}; false when it was already there. */
    boolean add(int slot) {
        int h = slot * 0x9E3779B9;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == EMPTY) {
                table[i] = slot;
                return true;
            }
            if (v == slot) {
                return false;
            }
        }
    }
}
