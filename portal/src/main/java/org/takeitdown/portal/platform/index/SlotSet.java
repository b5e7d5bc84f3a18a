package org.takeitdown.portal.platform.index;

import java.util.Arrays;

/**
 * The slots one query has already reported, so a hash reached through several chunks counts once:
 * open addressing over ints, at most half full (it doubles past that), emptied in time linear in
 * its size, so the whole de-duplication is linear in the candidates (a list scanned for each one was
 * quadratic). It grows with the matches, not with the candidates, so a thread's set stays small.
 */
final class SlotSet {
    private static final int EMPTY = -1;
    private static final int MIN_CAPACITY = 64;
    private int[] table = new int[MIN_CAPACITY];
    private int mask = MIN_CAPACITY - 1;
    private int size;

    /** Empties the set, sized for about {@code n} slots. */
    void clear(long n) {
        int cap = MIN_CAPACITY;
        while (cap < 2 * n && cap < (1 << 29)) {
            cap <<= 1;
        }
        if (cap > table.length) {
            table = new int[cap];
        }
        mask = cap - 1;
        size = 0;
        Arrays.fill(table, 0, cap, EMPTY);
    }

    /** Adds {@code slot}; false when it was already there. */
    boolean add(int slot) {
        if (2 * (size + 1) > mask + 1) {
            grow();
        }
        int h = slot * 0x9E3779B9;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == EMPTY) {
                table[i] = slot;
                size++;
                return true;
            }
            if (v == slot) {
                return false;
            }
        }
    }

    private void grow() {
        int[] old = Arrays.copyOf(table, mask + 1);
        clear(old.length);
        for (int slot : old) {
            if (slot != EMPTY) {
                add(slot);
            }
        }
    }
}
