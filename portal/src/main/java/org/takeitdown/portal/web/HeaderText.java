package org.takeitdown.portal.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A request header's text as the client meant it: UTF-8, which the server reads byte by byte as ISO-8859-1. */
public final class HeaderText {
    /** The highest character a byte read as ISO-8859-1 can be. */
    private static final char LAST_LATIN1 = 0xFF;

    private HeaderText() {
    }

    /**
     * The value's bytes decoded as UTF-8 (so a case key typed with Arabic-Indic digits arrives as such), or the
     * value unchanged when it is null, pure ASCII, or its bytes are not UTF-8.
     */
    public static String utf8(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > LAST_LATIN1)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }
}
