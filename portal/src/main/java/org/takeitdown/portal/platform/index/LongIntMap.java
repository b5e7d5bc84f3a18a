package org.takeitdown.portal.platform.index;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to non-negative int values (linear probing, deletion by
 * backward shift, so no tombstones). Boxed maps would cost about 50 bytes an entry at 10 M items.
 */
final class LongIntMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, EMPTY);
        mask = cap - 1;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == EMPTY) {
                return EMPTY;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes {@code key}; returns its value or -1. */
    int remove(long key) {
        int i = mix(key) & mask;
        while (true) {
            if (values[i] == EMPTY) {
                return EMPTY;
            }
            if (keys[i] == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        int removed = values[i];
        size--;
        // Shift later entries of the run back so every remaining key stays reachable from its home slot.
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != EMPTY; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = EMPTY;
        return removed;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
