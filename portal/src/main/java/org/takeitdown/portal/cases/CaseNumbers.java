package org.takeitdown.portal.cases;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Case numbers and case keys: random characters from an alphabet without 0/O and 1/I, so they can
 * be read aloud and typed without confusion. Numbers are 10 characters shown as {@code XXXXX-XXXXX};
 * keys are 26 characters (130 random bits). Both are accepted in any letter case, with or without
 * dashes and spaces.
 */
public final class CaseNumbers {
    /** 32 symbols: 2-9 and A-Z without I and O; 5 bits each. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int NUMBER_LENGTH = 10;
    static final int KEY_LENGTH = 26;
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


    /** The canonical number, or null when {@code text} cannot be a case number. */
    public static String parseNumber(String text) {
        return parse(text, NUMBER_LENGTH);
    }

    /** The canonical key, or null when {@code text} cannot be a case key. */
    public static String parseKey(String text) {
        return parse(text, KEY_LENGTH);
    }

    private static String parse(String text, int length) {
        if (text == null || text.length() > 4 * length) {
            return null;
        }
        String s = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
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
}
