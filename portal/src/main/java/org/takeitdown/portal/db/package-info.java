/**
 * What every store shares, and nothing more. {@link org.takeitdown.portal.db.Dialect} is the one place
 * embedded H2 and PostgreSQL differ (taking sequence values, forcing commits to disk);
 * {@link org.takeitdown.portal.db.Sequences} is the one way ids are brought into Java (a table's sequence, each
 * value used as it is, so no code depends on a sequence's increment). A statement that numbers a set of rows
 * in the database itself ({@code INSERT … SELECT}, a sequencing {@code UPDATE}) puts the same sequence in its
 * SQL through {@link org.takeitdown.portal.db.Dialect#nextValue}, so that its work stays one statement however
 * many rows it numbers; {@link org.takeitdown.portal.db.Jdbc} gives
 * connections (the caller's JTA transaction's own when there is one) and tells retryable and unique-violation
 * failures apart.
 *
 * <p>Each table group has one store, the only class that reads or writes its tables (the portal's
 * {@code ArchitectureTest} enforces it): {@code cases.CaseStore} for cases, items, vPDQ frames, idempotent
 * answers, sealed withdrawn hashes and the server secret; the platform package's stores for platforms,
 * feedback and canaries, and for the feed and sync. Services own the transactions and call stores; resources
 * call services.
 */
package org.takeitdown.portal.db;
