package org.takeitdown.portal.limits;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How {@link Limits#creatingCase} knows a retry of a case already created (the same Idempotency-Key and
 * body): by an answer {@code replayed} says is the earlier case's, and, when a limit refuses a new case,
 * by the {@code earlier} answer looked up without creating anything.
 */
public record Retries<T>(Predicate<? super T> replayed, Supplier<Optional<T>> earlier) {
    /** For a creation that is never a retry. */
    public static <T> Retries<T> none() {
        return new Retries<>(answer -> false, Optional::empty);
    }
}
