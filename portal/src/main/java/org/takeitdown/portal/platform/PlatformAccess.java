package org.takeitdown.portal.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a platform operation: {@link PlatformSignIn} checks the key before the method runs (401 when
 * missing, wrong or revoked; 403 when the key's scope does not include {@link #value()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PlatformAccess {
    /** The scope the operation needs: {@link Scope#MATCH_ONLY} for match and feedback, {@link Scope#FULL} for the list. */
    Scope value();

    /** How the key is sent: {@code Authorization: Bearer} (native API) or {@code x-functions-key} (exchange). */
    Credentials credentials() default Credentials.BEARER;

    /** Where a platform puts its key. */
    enum Credentials {
        BEARER,
        /** {@code x-functions-key: <key>} with a non-empty {@code Ocp-Apim-Subscription-Key}, as StopNCII clients send. */
        FUNCTIONS_KEY
    }
}
