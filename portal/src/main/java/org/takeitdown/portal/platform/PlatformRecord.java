package org.takeitdown.portal.platform;

import java.time.LocalDate;

/** A platform as the services see it: a copy of its row, never a managed entity. */
public record PlatformRecord(long id, String name, String scope, LocalDate createdOn, boolean revoked, boolean listed,
                             String scans) {
}
