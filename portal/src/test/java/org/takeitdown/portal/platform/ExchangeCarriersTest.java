package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.randomPdq;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.db.CountingJdbc;
import org.takeitdown.portal.db.RowsRead;

/**
 * The items a FetchHashes record names for its exchange hash ({@link ExchangeService#MAX_CASE_NUMBERS} at most),
 * against adversarial data: hundreds of items carrying the same PDQ as another kind or at a lower quality, or the
 * same MD5 as an image, planted before the ones that count, and then {@link #COUNTED} that count, many more than a
 * record names. The answer names only items whose exchange hash it is, lowest ids first, and the database reads
 * about as many rows as are named, however many others share the hash or carry it. The same for the carriers of a
 * PDQ or MD5 of any kind ({@link FeedStore#firstActiveCarriers}, which matches and feedback use). On PostgreSQL the
 * reads are measured right after the planting, before autovacuum has analysed the table.
 * Work is asserted as rows read (the database's own count under EXPLAIN ANALYZE), never as time.
 */
@Tag("database")
@QuarkusTest
class ExchangeCarriersTest {
    private static final int PER_CASE = 100;
    private static final int COUNTED = 150;

    @Inject
    CaseService cases;

    @Inject
    FeedStore feed;

    @Inject
    AgroalDataSource db;

    @Inject
    Sequencer sequencer;

    /** One case of {@code n} items of this kind, each with its own MD5 and this PDQ and quality; returns their ids. */
    private List<Long> plantCase(String kind, int n, String pdq, Integer quality) {
        List<CaseApi.Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new CaseApi.Item(kind, PlatformFixtures.md5(), pdq, quality));
        }
        cases.create(new CaseApi.ItemsRequest(items), null);
        List<String> md5s = items.stream().map(CaseApi.Item::md5).toList();
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>list("md5 in ?1 order by id", md5s)
                .stream().map(i -> i.id).toList());
    }

    /** {@code n} cases each of one item of this kind with this MD5; returns their ids, lowest first. */
    private List<Long> plantCases(String kind, int n, String md5) {
        for (int c = 0; c < n; c++) {
            cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item(kind, md5, null, null))), null);
        }
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>list("md5 = ?1 and kind = ?2 order by id",
                md5, kind).stream().map(i -> i.id).toList());
    }

    @Test
    void aRecordNamesOnlyItemsWhoseExchangeHashItIsAndReadsAboutAsManyRowsAsItNamesWhateverElseSharesTheHash() {
        String pdq = randomPdq();
        plantCase("other", PER_CASE, pdq, 90);
        plantCase("image", PER_CASE, pdq, 49);
        plantCase("video", PER_CASE, pdq, 90);
        List<Long> images = new ArrayList<>(plantCase("image", COUNTED / 2, pdq, 50));
        images.addAll(plantCase("image", COUNTED / 2, pdq, 100));
        String md5 = PlatformFixtures.md5();
        plantCases("image", PER_CASE, md5);
        plantCases("other", PER_CASE / 2, md5);
        List<Long> videos = plantCases("video", COUNTED, md5);
        sequencer.sequence();
        int perHash = ExchangeService.MAX_CASE_NUMBERS;

        CountingJdbc.Tally tally = new CountingJdbc.Tally();
        Map<String, List<Long>> named = CountingJdbc.count(tally,
                () -> feed.firstActiveExchangeCarriers(List.of(pdq, md5), perHash));

        assertThat(named.get(pdq)).as("images of quality 50 or more, lowest ids first").isEqualTo(images.subList(0, perHash));
        assertThat(named.get(md5)).as("videos only, lowest ids first").isEqualTo(videos.subList(0, perHash));
        assertThat(tally.sql).as("one statement").hasSize(1);
        for (String hash : List.of(pdq, md5)) {
            long read = rowsRead(tally.sql.get(0), hash, perHash, () -> feed.firstActiveExchangeCarriers(List.of(hash), perHash));
            assertThat(read).as("the scan stops after the %d it keeps and the one that ends it, and the list of one "
                    + "hash is read once (its value and its end); %d other items share the PDQ, %d the MD5, and %d carry "
                    + "each", perHash, 3 * PER_CASE, PER_CASE + PER_CASE / 2, COUNTED).isLessThanOrEqualTo(bound(perHash));
        }
    }

    @Test
    void theCarriersOfAHashThatHundredsOfItemsCarryAreReadAboutAsManyAsAreKeptRightAfterTheyWereStored() {
        String pdq = randomPdq();
        List<Long> carriers = new ArrayList<>();
        for (String kind : List.of("other", "image", "video")) {
            carriers.addAll(plantCase(kind, PER_CASE, pdq, 90));
        }
        String md5 = PlatformFixtures.md5();
        List<Long> md5Carriers = new ArrayList<>(plantCases("image", PER_CASE, md5));
        md5Carriers.addAll(plantCases("video", PER_CASE, md5));
        sequencer.sequence();
        int perHash = ExchangeService.MAX_CARRIERS;

        CountingJdbc.Tally tally = new CountingJdbc.Tally();
        Map<String, List<Long>> kept = CountingJdbc.count(tally,
                () -> feed.firstActiveCarriers(List.of(pdq), List.of(md5), perHash));

        assertThat(kept.get(pdq)).as("any kind, lowest ids first").isEqualTo(carriers.subList(0, perHash));
        assertThat(kept.get(md5)).as("any kind, lowest ids first").isEqualTo(md5Carriers.subList(0, perHash));
        long pdqRead = rowsRead(tally.sql.get(0).split(" UNION ALL ")[0], pdq, perHash,
                () -> feed.firstActiveCarriers(List.of(pdq), List.of(), perHash));
        long md5Read = rowsRead(tally.sql.get(0).split(" UNION ALL ")[1], md5, perHash,
                () -> feed.firstActiveCarriers(List.of(), List.of(md5), perHash));
        assertThat(List.of(pdqRead, md5Read)).as("rows read for the PDQ %d items carry and the MD5 %d carry, %d kept "
                + "of each", 3 * PER_CASE, 2 * PER_CASE, perHash).allSatisfy(read ->
                assertThat(read).isLessThanOrEqualTo(bound(perHash)));
    }

    /**
     * The most rows a read keeping {@code perHash} may read: those it keeps, the one that ends the range, and the
     * hash's own value and end in the list. On PostgreSQL each item is in an index twice until vacuum, its insert's
     * entry and that of the sequencer's update giving it a seq (an update of an indexed column writes every index).
     */
    private long bound(int perHash) {
        return (RowsRead.postgres(db) ? 2 : 1) * (perHash + 1) + 2;
    }

    /**
     * The rows a per-hash read of one hash reads: on PostgreSQL those the store's own call reads with the statistics
     * the database has right after the planting (a bitmap scan would read every carrier), on H2 those the same
     * statement reads under EXPLAIN ANALYZE (H2's plan does not depend on statistics).
     */
    private long rowsRead(String sql, String hash, int perHash, Runnable call) {
        if (RowsRead.postgres(db)) {
            return RowsRead.during(db, "case_item", call);
        }
        return RowsRead.of(db, sql, s -> {
            s.setString(1, CaseStatus.active.stored());
            s.setInt(2, perHash);
            s.setArray(3, s.getConnection().createArrayOf("VARCHAR", new Object[] {hash}));
        });
    }
}
