package org.takeitdown.portal.limits;

/** What one client sent in one UTC day: cases, items and vPDQ frames. Never idle within its day. */
final class DailyCounts implements ClientTable.Entry {
    private int cases;
    private long items;
    private long frames;

    /** Counts one more case if that keeps within {@code max}; checking and counting are one step. */
    synchronized boolean tryAddCase(int max) {
        if (cases >= max) {
            return false;
        }
        cases++;
        return true;
    }

    synchronized void removeCase() {
        cases = Math.max(0, cases - 1);
    }

    /**
     * Which budget {@code items} and {@code frames} more would exceed ({@link Budget#ITEMS_PER_DAY},
     * {@link Budget#FRAMES_PER_DAY}), or null after counting them.
     */
    synchronized Budget tryStore(int moreItems, int moreFrames, int maxItems, int maxFrames) {
        if (items + moreItems > maxItems) {
            return Budget.ITEMS_PER_DAY;
        }
        if (frames + moreFrames > maxFrames) {
            return Budget.FRAMES_PER_DAY;
        }
        items += moreItems;
        frames += moreFrames;
        return null;
    }

    /** Gives back what {@link #tryStore} counted for a request that stored nothing. */
    synchronized void refund(int lessItems, int lessFrames) {
        items = Math.max(0, items - lessItems);
        frames = Math.max(0, frames - lessFrames);
    }

    @Override
    public boolean idle(long now) {
        return false;
    }
}
