package org.takeitdown.portal.cases;

/**
 * Which platforms' exchange clients were given an item, asked when the item retires (kept by the
 * platform side, so the cases never depend on it).
 */
public interface ExchangeReceivers {
    /**
     * ",id,id,": the platforms whose exchange mark is at or past {@code firstSeq} (none when it is null),
     * read under their row locks until the caller's transaction ends: an exchange page holds its platform's
     * lock from before it reads items until it commits its mark, so a page either finished before this
     * retirement (and its mark shows whether it gave the item) or reads after it commits.
     */
    String lockAndList(Long firstSeq);
}
