package org.takeitdown.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.devtools.v156.runtime.Runtime;
import org.openqa.selenium.devtools.v156.target.Target;
import org.openqa.selenium.devtools.v156.target.model.TargetInfo;

/** The JS heap of the page's dedicated Web Worker, read through DevTools (Runtime.getHeapUsage on the worker target). */
public final class WorkerHeap implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final Connection cdp;
    private final SessionID session;

    public record Usage(long used, long backingStorage) {
    }

    private WorkerHeap(Connection cdp, SessionID session) {
        this.cdp = cdp;
        this.session = session;
    }

    /** Attaches to the page's worker, the only worker target in the browser. */
    public static WorkerHeap attach(ChromeDriver driver) {
        return attach(driver, Set.of());
    }

    /**
     * Attaches to the one worker target that is not among {@code earlier} ({@link #workers} before the page opened): a
     * browser kept from an earlier test may still hold that test's page, with its worker, in its back/forward cache.
     */
    public static WorkerHeap attach(ChromeDriver driver, Set<String> earlier) {
        Connection cdp = SeleniumCdpConnection.create(driver).orElseThrow();
        List<TargetInfo> workers = workerTargets(cdp);
        List<TargetInfo> fresh = workers.stream().filter(t -> !earlier.contains(t.getTargetId().toString())).toList();
        if (fresh.size() != 1) {
            cdp.close();
            throw new IllegalStateException("not one new worker target, but " + fresh.size() + " in " + workers);
        }
        var id = cdp.sendAndWait(null, Target.attachToTarget(fresh.get(0).getTargetId(), Optional.of(true)), TIMEOUT);
        return new WorkerHeap(cdp, new SessionID(id.toString()));
    }

    /** The ids of the worker targets in the browser now. */
    public static Set<String> workers(ChromeDriver driver) {
        try (Connection cdp = SeleniumCdpConnection.create(driver).orElseThrow()) {
            return workerTargets(cdp).stream().map(t -> t.getTargetId().toString()).collect(Collectors.toSet());
        }
    }

    private static List<TargetInfo> workerTargets(Connection cdp) {
        List<TargetInfo> targets = cdp.sendAndWait(null, Target.getTargets(Optional.empty()), TIMEOUT);
        return targets.stream().filter(t -> "worker".equals(t.getType())).toList();
    }

    public Usage usage() {
        Runtime.GetHeapUsageResponse r = cdp.sendAndWait(session, Runtime.getHeapUsage(), TIMEOUT);
        return new Usage(r.getUsedSize().longValue(),
                r.getBackingStorageSize() == null ? 0 : r.getBackingStorageSize().longValue());
    }

    @Override
    public void close() {
        cdp.close();
    }
}
