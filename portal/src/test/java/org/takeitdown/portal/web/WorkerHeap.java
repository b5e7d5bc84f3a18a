package org.takeitdown.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    public static WorkerHeap attach(ChromeDriver driver) {
        Connection cdp = SeleniumCdpConnection.create(driver).orElseThrow();
        List<TargetInfo> targets = cdp.sendAndWait(null, Target.getTargets(Optional.empty()), TIMEOUT);
        TargetInfo worker = targets.stream().filter(t -> "worker".equals(t.getType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no worker target in " + targets));
        var id = cdp.sendAndWait(null, Target.attachToTarget(worker.getTargetId(), Optional.of(true)), TIMEOUT);
        return new WorkerHeap(cdp, new SessionID(id.toString()));
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
