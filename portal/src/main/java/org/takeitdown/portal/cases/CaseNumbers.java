package org.takeitdown.portal.cases;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Case numbers and case keys: random characters from an alphabet without 0/O and 1/I, so they can
 * be read aloud and typed without confusion. Numbers are 10 characters shown as {@code XXXXX-XXXXX};
 * keys are 26 characters (130 random bits). Both are accepted as people type them: in any letter case,
 * with or without dashes and spaces, in full-width letters and in any script's digits (an Arabic phone
 * keyboard types ٠–٩, a Persian one ۰–۹), with the dashes autocorrect makes of hyphens.
 */
public final class CaseNumbers {
    /** 32 symbols: 2-9 and A-Z without I and O; 5 bits each. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int NUMBER_LENGTH = 10;
    static final int KEY_LENGTH = 26;
    /** Typed text longer than this many characters per character of a number or key is refused unread. */
    private static final int MAX_TYPED_PER_CHARACTER = 4;
    /** U+2212, which is a math symbol (Sm), not a dash (Pd), but looks like one. */
    private static final int MINUS_SIGN = 0x2212;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseNumbers() {
    }

    static String newNumber() {
        return random(NUMBER_LENGTH);
    }

    static String newKey() {
        return random(KEY_LENGTH);
    }

    private static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** {@code XXXXX-XXXXX}. */
    public static String formatNumber(String number) {
        return number.substring(0, 5) + "-" + number.substring(5);
    }

    /**
     * What was typed into a case number or key field, to fill the form in again after a failed look-up (so that one
     * wrong character does not mean typing 36 again): as typed, or nothing when longer than either could be typed.
     */
    public static String retyped(String text) {
        return text == null || text.length() > MAX_TYPED_PER_CHARACTER * KEY_LENGTH ? "" : text;
    }

    /** The canonical number, or null when {@code text} cannot be a case number. */
    public static String parseNumber(String text) {
        return parse(text, NUMBER_LENGTH);
    }

    /** The canonical key, or null when {@code text} cannot be a case key. */
    public static String parseKey(String text) {
        return parse(text, KEY_LENGTH);
    }

    private static String parse(String text, int length) {
        if (text == null || text.length() > MAX_TYPED_PER_CHARACTER * length) {
            return null;
        }
        String s = normalize(text);
        if (s.length() != length) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }

    /**
     * Typed text as its bare characters: NFKC (full-width and other compatibility forms to plain ones), every
     * decimal digit of any script to its ASCII digit, dashes (Unicode Pd, and the minus sign U+2212) and white
     * space (NBSP included) dropped, the rest upper-cased. Callers bound the length first: NFKC may lengthen text.
     */
    static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                b.append((char) ('0' + Character.digit(c, 10)));
            } else if (type != Character.DASH_PUNCTUATION && c != MINUS_SIGN
                    && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                b.appendCodePoint(c);
            }
        });
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
