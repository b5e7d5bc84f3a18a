package org.takeitdown.portal.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.ItemVpdq;
import org.takeitdown.portal.web.ApiProblemException;

/** The platforms' sync feed (pages by seq) and the full export of active items, each with the caller's canaries. */
@ApplicationScoped
public class FeedService {
    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1_000;
    static final String CSV_HEADER = "id,seq,kind,md5,pdq,pdqQuality,status,addedOn,vpdqFrames";

    private final AgroalDataSource db;

    public FeedService(AgroalDataSource db) {
        this.db = db;
    }

    /** Parses and checks {@code after} and {@code limit}; 400 with a clear message otherwise. */
    public PlatformApi.FeedPage page(Platform platform, String afterText, String limitText) {
        long after = parse("after", afterText, 0, 0, Long.MAX_VALUE);
        int limit = (int) parse("limit", limitText, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<PlatformApi.FeedItem> rows = changedAfter(platform.id, after, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<PlatformApi.FeedItem> items = rows.stream().limit(limit).toList();
        long next = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new PlatformApi.FeedPage(items, next, hasMore);
    }

    /**
     * Up to {@code limit} changes above {@code after} in seq order: items, and the platform's own canaries
     * mixed in by their seq (few, so all of them above {@code after} are read and the merge cut to the limit).
     */
    static List<PlatformApi.FeedItem> changedAfter(long platformId, long after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<PlatformApi.FeedItem> out = new ArrayList<>(CaseItem.changedAfter(after, limit).stream()
                    .map(FeedService::toFeedItem).toList());
            Canary.changedAfter(platformId, after).forEach(c -> out.add(c.toFeedItem()));
            out.sort(Comparator.comparingLong(PlatformApi.FeedItem::seq));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        });
    }

    static long parse(String name, String text, long dflt, long min, long max) {
        if (text == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblemException.badRequest(name + " must be a whole number from " + min + " to "
                + (max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max)) + "; got \"" + abbreviate(text) + "\".");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static PlatformApi.FeedItem toFeedItem(CaseItem i) {
        return new PlatformApi.FeedItem(i.id, i.seq, i.kind, i.md5, i.pdq,
                i.pdqQuality == null ? null : i.pdqQuality.intValue(), i.status.name(), i.addedOn, i.vpdqFrames);
    }

    /** An active video item's vPDQ frames; 404 when the item is unknown, not active or has none. */
    public PlatformApi.VpdqItem vpdq(String idText) {
        long id = parse("id", idText, 0, 1, Long.MAX_VALUE);
        List<VpdqFrame> frames = QuarkusTransaction.requiringNew().call(() -> {
            CaseItem item = CaseItem.findById(id);
            return item == null || item.status != CaseStatus.active ? null : ItemVpdq.framesOf(id);
        });
        if (frames == null) {
            throw new ApiProblemException(404, "Not found", "No active video item with vPDQ frames has this id.");
        }
        return new PlatformApi.VpdqItem(id, frames.stream().map(CaseApi.Frame::of).toList());
    }

    /**
     * The seq to follow the feed from after an export: read before the items, so every change not
     * in the export is sequenced above it (the sequencer only hands out larger values).
     */
    public long consistentSeq() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM case_item), 0), "
                     + "COALESCE((SELECT MAX(seq) FROM canary), 0))")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes every active item sequenced at or below {@code through}, and the platform's canaries, as NDJSON or CSV. */
    public void export(Platform platform, long through, boolean csv, OutputStream out) {
        Deque<Canary> canaries = new ArrayDeque<>(QuarkusTransaction.requiringNew().call(() ->
                Canary.through(platform.id, through)));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT id, seq, kind, md5, pdq, pdq_quality, added_on, vpdq_frames "
                    + "FROM case_item WHERE status = 'active' AND seq <= ? ORDER BY seq")) {
                q.setLong(1, through);
                q.setFetchSize(5000);
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                if (csv) {
                    w.write(CSV_HEADER);
                    w.write('\n');
                }
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(2);
                        while (!canaries.isEmpty() && canaries.peek().seq < seq) {
                            writeItem(w, canaries.pop().toFeedItem(), csv);
                        }
                        writeRow(w, r, csv);
                    }
                }
                while (!canaries.isEmpty()) {
                    writeItem(w, canaries.pop().toFeedItem(), csv);
                }
                w.flush();
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Writer w, ResultSet r, boolean csv) throws SQLException, IOException {
        long id = r.getLong(1);
        long seq = r.getLong(2);
        String kind = r.getString(3);
        String md5 = r.getString(4);
        String pdq = r.getString(5);
        int q = r.getInt(6);
        String quality = r.wasNull() ? null : Integer.toString(q);
        String added = r.getDate(7).toLocalDate().toString();
        int f = r.getInt(8);
        String frames = r.wasNull() ? null : Integer.toString(f);
        write(w, id, seq, kind, md5, pdq, quality, added, frames, csv);
    }

    private static void writeItem(Writer w, PlatformApi.FeedItem i, boolean csv) throws IOException {
        write(w, i.id(), i.seq(), i.kind(), i.md5(), i.pdq(), i.pdqQuality() == null ? null : i.pdqQuality().toString(),
                i.addedOn().toString(), i.vpdqFrames() == null ? null : i.vpdqFrames().toString(), csv);
    }

    private static void write(Writer w, long id, long seq, String kind, String md5, String pdq, String quality,
                              String added, String frames, boolean csv) throws IOException {
        if (csv) {
            w.write(id + "," + seq + "," + kind + "," + md5 + "," + (pdq == null ? "" : pdq) + ","
                    + (quality == null ? "" : quality) + ",active," + added + "," + (frames == null ? "" : frames) + "\n");
        } else {
            w.write("{\"id\":" + id + ",\"seq\":" + seq + ",\"kind\":\"" + kind + "\",\"md5\":\"" + md5
                    + "\",\"pdq\":" + (pdq == null ? "null" : "\"" + pdq + "\"") + ",\"pdqQuality\":" + quality
                    + ",\"status\":\"active\",\"addedOn\":\"" + added + "\",\"vpdqFrames\":" + frames + "}\n");
        }
    }
}
