package org.takeitdown.portal.platform;

import java.util.Arrays;
import org.takeitdown.portal.web.ApiProblemException;

/** What a platform key may do: the whole list ({@code full}) or only matching and feedback ({@code match-only}). */
public enum Scope {
    /** Feed, export, exchange, video frames, match and feedback. */
    FULL("full"),
    /** Match and feedback only: the key never receives the list. */
    MATCH_ONLY("match-only");

    private final String text;

    Scope(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The scope named {@code text}; {@code full} when null; 400 when unknown. */
    public static Scope parse(String text) {
        if (text == null) {
            return FULL;
        }
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst().orElseThrow(() ->
                ApiProblemException.badRequest("scope must be \"full\" or \"match-only\"; got \""
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"."));
    }
}
