package org.takeitdown.portal.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Test tool: every log record published on the root logger from {@link #listen} until {@link #close}. */
public final class LogRecords extends Handler implements AutoCloseable {
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    private LogRecords() {
    }

    /** Starts recording what the application logs (JBoss LogManager publishes to java.util.logging's root). */
    public static LogRecords listen() {
        LogRecords records = new LogRecords();
        Logger.getLogger("").addHandler(records);
        return records;
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    @Override
    public void flush() {
    }

    /** Stops recording. */
    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }

    /** Whether any record so far satisfies {@code p}. */
    public boolean any(Predicate<LogRecord> p) {
        synchronized (records) {
            return records.stream().anyMatch(p);
        }
    }

    /** The messages {@code logger} published at {@code level} or above, in order. */
    public List<String> messages(String logger, Level level) {
        synchronized (records) {
            return records.stream().filter(r -> logger.equals(r.getLoggerName()))
                    .filter(r -> r.getLevel().intValue() >= level.intValue()).map(LogRecord::getMessage).toList();
        }
    }

    /** The records at ERROR (SEVERE) or above, each as its logger, message and exception. */
    public List<String> errors() {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(r -> r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()))
                    .toList();
        }
    }

    @Override
    public String toString() {
        synchronized (records) {
            return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList()
                    .toString();
        }
    }
}
