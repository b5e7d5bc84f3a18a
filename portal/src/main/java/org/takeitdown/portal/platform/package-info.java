/**
 * Platform sharing: platforms and their keys, the sync feed, export and StopNCII-compatible exchange, matching,
 * feedback and canaries.
 *
 * <h2>Sync design</h2>
 * Writers commit changed items (and new canaries) with {@code seq = NULL}. The {@link
 * org.takeitdown.portal.platform.Sequencer} then, in one transaction under the {@code sync_lock} row shared by
 * every instance, gives every pending change the next values of {@code item_change_seq}, so seq values become
 * visible in commit order: a reader that has served seq n never later finds a committed change below n. The
 * {@link org.takeitdown.portal.platform.SyncJob} runs the sequencer and then {@link
 * org.takeitdown.portal.platform.MatchIndexes} catch-up every {@code portal.platform.sync-interval} and soon after
 * a commit that changed items; each instance loads its indexes once and then applies the changes above the last
 * seq it applied, so instances sharing one database agree within one interval. Readers follow cursors over seq:
 * the feed's {@code after}, the exchange's page token and per-platform exchange mark ({@code ExchangeCursor}),
 * and the export's {@code X-Consistent-Seq}, read before the export's items so everything missing from it comes
 * later in the feed.
 *
 * <h2>Stores</h2>
 * Only stores touch the database. {@link org.takeitdown.portal.platform.PlatformStore} owns the tables
 * {@code platform}, {@code match_feedback}, {@code canary} and {@code canary_slot}; {@link org.takeitdown.portal.platform.FeedStore}
 * reads items in the platforms' shape or in seq order (feed, export, index load and catch-up, exchange, match)
 * and makes the sequencer's one write. Ids are sequence values, taken through {@code db.Sequences} or, in the
 * set-based writes (bulk feedback, sequencing), through {@code Dialect.nextValue} in the SQL; no code depends on
 * the sequences' increment. Services own the transactions and turn the stores' records and enums into answers or
 * problems; resources call services only. {@link org.takeitdown.portal.platform.FeedItemWriter} is the one
 * writer of the feed item's shape for the NDJSON and CSV exports.
 */
package org.takeitdown.portal.platform;
