package org.takeitdown.portal.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.hasher.vpdq.VpdqText;
import org.takeitdown.portal.cases.ItemsChanged;
import org.takeitdown.portal.platform.index.MatchIndex;
import org.takeitdown.portal.platform.index.PdqWords;
import org.takeitdown.portal.platform.index.VideoIndex;

/**
 * Keeps the platforms' view consistent. Writers commit changed items with {@code seq = NULL}; the
 * sequencer then, under a lock row shared by every instance, gives all pending items new sequence
 * values in one transaction. So seq values become visible in commit order, and a feed reader that
 * has served seq n can never later find a committed change below n. Each instance then catches its
 * in-memory PDQ index up by reading changes above the last seq it applied, so instances sharing one
 * database agree within one interval. Active videos' vPDQ frames are kept in a {@link VideoIndex}
 * the same way.
 */
@Startup
@ApplicationScoped
public class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class);
    private static final int CATCH_UP_PAGE = 50_000;
    private static final long KICK_DELAY_MS = 50;

    private final AgroalDataSource db;
    private final boolean postgres;
    private final MatchIndex index = new MatchIndex();
    private final VideoIndex videos = new VideoIndex();
    private final ScheduledExecutorService timer;
    private final long everyMillis;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private volatile long indexedThrough;
    private volatile boolean loaded;

    public SyncService(AgroalDataSource db, PlatformConfig config,
                       @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.db = db;
        this.postgres = dbKind.startsWith("postgres");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "item-sync");
            t.setDaemon(true);
            return t;
        });
        this.everyMillis = Math.max(10, config.syncInterval().toMillis());
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, everyMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * A commit changed items: sequence them soon, off the request thread. Kicks within
     * {@link #KICK_DELAY_MS} share one run, so a busy instance sequences in batches.
     */
    void onChange(@Observes ItemsChanged changed) {
        if (kicked.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    kicked.set(false);
                    tick();
                }, KICK_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // The change is committed; the next start sequences it. The request must still succeed.
                kicked.set(false);
            }
        }
    }

    private void tick() {
        try {
            runNow();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Item sync failed and will be retried: %s", e.getClass().getSimpleName());
        }
    }

    /** First load: every indexable item into arrays, then one bulk build of the index. */
    private void load() throws SQLException {
        long[] ids = new long[1024];
        long[] hashes = new long[4096];
        int n = 0;
        long last = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery("SELECT MAX(seq) FROM case_item")) {
                    r.next();
                    last = r.getLong(1);
                }
                try (PreparedStatement q = c.prepareStatement("SELECT id, pdq FROM case_item WHERE status = 'active' "
                        + "AND pdq IS NOT NULL AND pdq_quality >= ? AND seq <= ?")) {
                    q.setInt(1, HashRules.PDQ_MIN_QUALITY);
                    q.setLong(2, last);
                    q.setFetchSize(10_000);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            if (n == ids.length) {
                                ids = Arrays.copyOf(ids, n * 2);
                                hashes = Arrays.copyOf(hashes, n * 8);
                            }
                            ids[n] = r.getLong(1);
                            System.arraycopy(PdqWords.parse(r.getString(2)), 0, hashes, 4 * n, 4);
                            n++;
                        }
                    }
                }
            }
            Map<Long, long[]> frames = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT i.id, v.frames FROM case_item i "
                    + "JOIN item_vpdq v ON v.item_id = i.id WHERE i.status = 'active' AND i.seq <= ?")) {
                q.setLong(1, last);
                q.setFetchSize(100);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        frames.put(r.getLong(1), usableFrames(r.getString(2)));
                    }
                }
            }
            c.commit();
            videos.load(frames);
        }
        index.load(ids, hashes, n);
        indexedThrough = last;
    }

    /** The hashes of the stored frames good enough to match on, four longs a frame. */
    private static long[] usableFrames(String text) {
        return VideoIndex.usable(VpdqText.parse(text), HashRules.PDQ_MIN_QUALITY);
    }

    /** Sequences pending changes and catches the index up, now. */
    public synchronized void runNow() throws SQLException {
        sequence();
        catchUp();
        loaded = true;
    }

    /** Whether the index has been loaded from the database once. */
    public boolean loaded() {
        return loaded;
    }

    public MatchIndex index() {
        return index;
    }

    public VideoIndex videos() {
        return videos;
    }

    void sequence() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM sync_lock WHERE id = 1 FOR UPDATE").close();
                for (String table : new String[] {"case_item", "canary"}) {
                    s.executeUpdate(postgres
                            ? "UPDATE " + table + " SET seq = nextval('item_change_seq') WHERE seq IS NULL"
                            : "UPDATE " + table + " SET seq = NEXT VALUE FOR item_change_seq WHERE seq IS NULL");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String framesOf(PreparedStatement frames, long id) throws SQLException {
        frames.setLong(1, id);
        try (ResultSet r = frames.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private void catchUp() throws SQLException {
        if (!loaded) {
            load();
            return;
        }
        while (true) {
            int n = 0;
            long last = indexedThrough;
            try (Connection c = db.getConnection();
                 PreparedStatement q = c.prepareStatement("SELECT id, seq, status, pdq, pdq_quality, vpdq_frames "
                         + "FROM case_item WHERE seq > ? ORDER BY seq FETCH FIRST " + CATCH_UP_PAGE + " ROWS ONLY");
                 PreparedStatement frames = c.prepareStatement("SELECT frames FROM item_vpdq WHERE item_id = ?")) {
                q.setLong(1, last);
                q.setFetchSize(5000);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        last = r.getLong(2);
                        String status = r.getString(3);
                        String pdq = r.getString(4);
                        int quality = r.getInt(5);
                        boolean indexed = "active".equals(status) && pdq != null && !r.wasNull() && quality >= HashRules.PDQ_MIN_QUALITY;
                        if (indexed) {
                            index.put(id, PdqWords.parse(pdq));
                        } else {
                            index.remove(id);
                        }
                        r.getInt(6);
                        boolean video = "active".equals(status) && !r.wasNull();
                        String text = video ? framesOf(frames, id) : null;
                        if (text != null) {
                            videos.put(id, usableFrames(text));
                        } else {
                            videos.remove(id);
                        }
                        n++;
                    }
                }
            }
            indexedThrough = last;
            if (n < CATCH_UP_PAGE) {
                return;
            }
        }
    }
}
