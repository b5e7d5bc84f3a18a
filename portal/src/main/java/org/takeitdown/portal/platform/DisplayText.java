package org.takeitdown.portal.platform;

import org.takeitdown.portal.web.ApiProblemException;

/**
 * Text the operator writes that public pages show (a platform's name, what it scans), in every language,
 * right-to-left ones included. Refused: characters that are invisible or that change how the text around
 * them reads — controls (Unicode category Cc), format characters (Cf: the bidi overrides, embeddings and
 * isolates U+202A–U+202E and U+2066–U+2069, the directional marks, zero-width spaces), line and
 * paragraph separators (Zl, Zp) and unpaired surrogates (Cs). Letters of every script are allowed, and so
 * are the zero-width non-joiner and joiner (U+200C, U+200D): they only choose how neighbouring letters join
 * (Hindi, Persian) or which emoji a sequence shows, never the order of the text. Pages also show the text
 * in {@code <bdi>}, so a right-to-left name cannot reorder what surrounds it.
 */
final class DisplayText {
    /** U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER, format characters that shaping needs. */
    private static final int NON_JOINER = 0x200C;
    private static final int JOINER = 0x200D;

    private DisplayText() {
    }

    /** 400 naming the first character of {@code text} that is not allowed, with its position (1-based). */
    static void refuseHiddenCharacters(String field, String text) {
        int position = 1;
        for (int i = 0; i < text.length(); position++) {
            int c = text.codePointAt(i);
            if (hidden(c)) {
                String name = Character.getName(c);
                throw ApiProblemException.badRequest(field + " must not contain " + String.format("U+%04X", c)
                        + (name == null ? "" : " (" + name + ")") + " (character " + position + "): control, "
                        + "formatting and separator characters are invisible and can change how the text around "
                        + "them reads.");
            }
            i += Character.charCount(c);
        }
    }

    private static boolean hidden(int c) {
        if (c == NON_JOINER || c == JOINER) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }
}
