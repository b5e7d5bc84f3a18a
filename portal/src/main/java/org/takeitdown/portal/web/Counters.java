package org.takeitdown.portal.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The portal's own Prometheus counters: totals only, nothing about any case, platform or client. */
@ApplicationScoped
public class Counters {
    private final MeterRegistry registry;
    private final Counter casesCreated;
    private final Counter itemsAdded;
    private final Counter casesWithdrawn;
    private final Counter matchQueries;
    private final Counter matchExamined;
    private final Counter matchTruncated;

    public Counters(MeterRegistry registry) {
        this.registry = registry;
        this.casesCreated = registry.counter("portal.cases.created");
        this.itemsAdded = registry.counter("portal.items.added");
        this.casesWithdrawn = registry.counter("portal.cases.withdrawn");
        this.matchQueries = registry.counter("portal.match.queries");
        this.matchExamined = registry.counter("portal.match.examined");
        this.matchTruncated = registry.counter("portal.match.truncated");
    }

    public void caseCreated(int items) {
        casesCreated.increment();
        itemsAdded.increment(items);
    }

    public void itemsAdded(int items) {
        itemsAdded.increment(items);
    }

    public void caseWithdrawn() {
        casesWithdrawn.increment();
    }

    public void matchQueries(int queries) {
        matchQueries.increment(queries);
    }

    /** A match request's work: stored hashes compared or read by MD5, and whether its answer said truncated. */
    public void matchExamined(long hashes, boolean truncated) {
        matchExamined.increment(hashes);
        if (truncated) {
            matchTruncated.increment();
        }
    }

    /** A request refused by a limit; {@code budget} is the limit's name. */
    public void limited(String budget) {
        registry.counter("portal.limits.refused", "budget", budget).increment();
    }
}
