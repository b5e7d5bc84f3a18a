package org.takeitdown.portal.platform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.hasher.vpdq.VpdqText;
import org.takeitdown.portal.platform.index.MatchIndex;
import org.takeitdown.portal.platform.index.PdqWords;
import org.takeitdown.portal.platform.index.VideoIndex;

/**
 * This instance's in-memory match indexes: the PDQ {@link MatchIndex} and the vPDQ {@link VideoIndex} of the
 * active items. Loaded from the database once, then caught up by reading the changes sequenced above the last
 * seq applied, so instances sharing one database agree within one sync interval.
 */
@ApplicationScoped
public class MatchIndexes {
    private static final int CATCH_UP_PAGE = 50_000;

    private final FeedStore store;
    private final MatchIndex index = new MatchIndex();
    private final VideoIndex videos = new VideoIndex();
    private volatile long indexedThrough;
    private volatile boolean loaded;

    public MatchIndexes(FeedStore store) {
        this.store = store;
    }

    public MatchIndex index() {
        return index;
    }

    public VideoIndex videos() {
        return videos;
    }

    /** Whether the indexes have been loaded from the database once. */
    public boolean loaded() {
        return loaded;
    }

    /** Loads the indexes the first time, then applies every change sequenced since. */
    public synchronized void catchUp() {
        if (!loaded) {
            load();
            loaded = true;
            return;
        }
        while (true) {
            long[] last = {indexedThrough};
            int n = store.changesAfter(last[0], CATCH_UP_PAGE, change -> {
                last[0] = change.seq();
                apply(change);
            });
            indexedThrough = last[0];
            if (n < CATCH_UP_PAGE) {
                return;
            }
        }
    }

    private void apply(FeedStore.IndexChange c) {
        if (c.active() && c.pdq() != null && c.pdqQuality() != null && c.pdqQuality() >= HashRules.PDQ_MIN_QUALITY) {
            index.put(c.id(), PdqWords.parse(c.pdq()));
        } else {
            index.remove(c.id());
        }
        if (c.frames() != null) {
            videos.put(c.id(), usableFrames(c.frames()));
        } else {
            videos.remove(c.id());
        }
    }

    /** First load: every indexable item into arrays, then one bulk build of each index. */
    private void load() {
        Loaded all = new Loaded();
        indexedThrough = store.loadIndex(HashRules.PDQ_MIN_QUALITY, all);
        videos.load(all.frames);
        index.load(all.ids, all.hashes, all.n);
    }

    private static final class Loaded implements FeedStore.IndexSink {
        long[] ids = new long[1024];
        long[] hashes = new long[4096];
        int n;
        final Map<Long, long[]> frames = new HashMap<>();

        @Override
        public void image(long id, String pdq) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                hashes = Arrays.copyOf(hashes, n * 8);
            }
            ids[n] = id;
            System.arraycopy(PdqWords.parse(pdq), 0, hashes, 4 * n, 4);
            n++;
        }

        @Override
        public void video(long id, String text) {
            frames.put(id, usableFrames(text));
        }
    }

    /** The hashes of the stored frames good enough to match on, four longs a frame. */
    private static long[] usableFrames(String text) {
        return VideoIndex.usable(VpdqText.parse(text), HashRules.PDQ_MIN_QUALITY);
    }
}
