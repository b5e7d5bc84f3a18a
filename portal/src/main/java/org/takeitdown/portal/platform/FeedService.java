package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.ClientGone;

/** The platforms' sync feed (pages by seq) and the full export of active items, each with the caller's canaries. */
@ApplicationScoped
public class FeedService {
    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1_000;
    /** Items an export writes between two checks that its platform is still connected (a check is a field read). */
    static final int GONE_CHECK = 1_000;

    private final FeedStore store;
    private final FeedItemWriter writer;

    public FeedService(FeedStore store, FeedItemWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Parses and checks {@code after} and {@code limit}; 400 with a clear message otherwise. */
    public PlatformApi.FeedPage page(PlatformRecord platform, String afterText, String limitText) {
        long after = parse("after", afterText, 0, 0, Long.MAX_VALUE);
        int limit = (int) parse("limit", limitText, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<PlatformApi.FeedItem> rows = changedAfter(platform.id(), after, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<PlatformApi.FeedItem> items = rows.stream().limit(limit).toList();
        long next = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new PlatformApi.FeedPage(items, next, hasMore);
    }

    /**
     * Up to {@code limit} changes above {@code after} in seq order: items, and the platform's own canaries
     * mixed in by their seq (few, so all of them above {@code after} are read and the merge cut to the limit).
     */
    private List<PlatformApi.FeedItem> changedAfter(long platformId, long after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<PlatformApi.FeedItem> out = new ArrayList<>(store.itemsChangedAfter(after, limit).stream()
                    .map(ItemRow::toFeedItem).toList());
            store.canariesChangedAfter(platformId, after).forEach(c -> out.add(c.toFeedItem()));
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

    /** An active video item's vPDQ frames; 404 when the item is unknown, not active or has none. */
    public PlatformApi.VpdqItem vpdq(String idText) {
        long id = parse("id", idText, 0, 1, Long.MAX_VALUE);
        List<VpdqFrame> frames = store.activeFrames(id).orElseThrow(() ->
                new ApiProblemException(404, "Not found", "No active video item with vPDQ frames has this id."));
        return new PlatformApi.VpdqItem(id, frames.stream().map(CaseApi.Frame::of).toList());
    }

    /**
     * The seq to follow the feed from after an export: read before the items, so every change not
     * in the export is sequenced above it (the sequencer only hands out larger values).
     */
    public long consistentSeq() {
        return store.consistentSeq();
    }

    /**
     * Writes every active item sequenced at or below {@code through}, and the platform's canaries, as NDJSON or CSV.
     * Every {@link #GONE_CHECK} items it asks {@code gone} whether the platform closed the connection, and stops if
     * so: writing into a closed connection does not always fail, and would read every item for no one.
     */
    public void export(PlatformRecord platform, long through, boolean csv, OutputStream out, BooleanSupplier gone) {
        try (FeedItemWriter.Lines lines = writer.open(out, csv)) {
            int[] written = {0};
            store.export(platform.id(), through, item -> {
                if (++written[0] % GONE_CHECK == 0 && gone.getAsBoolean()) {
                    throw new IOException("The platform closed the connection during an export");
                }
                lines.write(item);
            });
        } catch (IOException e) {
            // Only writing to the answer throws IOException here: the platform stopped reading.
            throw new ClientGone(e);
        }
    }
}
