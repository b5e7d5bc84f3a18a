package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {
    private static final String NUMBER = "Z3XZ4CDL37";
    private static final String KEY = "S3B76VBRXHPL3E8QFAU7KFN7KZ";

    @Test
    void acceptsNumbersInAnyLetterCaseWithHyphensAndSpaces() {
        assertThat(CaseNumbers.parseNumber("z3xz4-cdl37")).isEqualTo(NUMBER);
        assertThat(CaseNumbers.parseNumber(" Z3XZ4 CDL37 ")).isEqualTo(NUMBER);
    }

    @Test
    void acceptsArabicIndicAndPersianDigits() {
        assertThat(CaseNumbers.parseNumber("Z٣XZ٤-CDL٣٧")).isEqualTo(NUMBER);
        assertThat(CaseNumbers.parseNumber("Z۳XZ۴-CDL۳۷")).isEqualTo(NUMBER);
        assertThat(CaseNumbers.parseKey("S٣B٧٦VBRXHPL٣E٨QFAU٧KFN٧KZ")).isEqualTo(KEY);
    }

    @Test
    void acceptsFullWidthLettersDigitsAndHyphen() {
        assertThat(CaseNumbers.parseNumber("Ｚ３ＸＺ４－ＣＤＬ３７")).isEqualTo(NUMBER);
        assertThat(CaseNumbers.parseNumber("ｚ３ｘｚ４-ｃｄｌ３７")).isEqualTo(NUMBER);
    }

    @Test
    void dropsEveryKindOfDashAndTheMinusSign() {
        for (String dash : new String[] {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u2E3A"}) {
            assertThat(CaseNumbers.parseNumber("Z3XZ4" + dash + "CDL37")).as("U+%04X", (int) dash.charAt(0))
                    .isEqualTo(NUMBER);
        }
    }

    @Test
    void dropsNoBreakAndOtherSpaces() {
        assertThat(CaseNumbers.parseNumber("Z3XZ4\u00A0CDL37")).isEqualTo(NUMBER);
        assertThat(CaseNumbers.parseNumber("Z3XZ4\u202FCDL37\t\n")).isEqualTo(NUMBER);
        assertThat(CaseNumbers.parseKey("S3B76 VBRXH PL3E8\u2003QFAU7 KFN7K Z")).isEqualTo(KEY);
    }

    @Test
    void stillRefusesWrongLengthsLettersOutsideTheAlphabetAndOtherSymbols() {
        assertThat(CaseNumbers.parseNumber("Z3XZ4-CDL3")).isNull();
        assertThat(CaseNumbers.parseNumber("Z3XZ4-CDL370")).isNull();
        assertThat(CaseNumbers.parseNumber("O3XZ4-CDL37")).isNull();
        assertThat(CaseNumbers.parseNumber("Z3XZ4_CDL37")).isNull();
        assertThat(CaseNumbers.parseNumber("Z3XZ4.CDL37")).isNull();
        assertThat(CaseNumbers.parseNumber(null)).isNull();
    }

    @Test
    void refusesOverlongTextBeforeReadingIt() {
        assertThat(CaseNumbers.parseNumber(NUMBER + " ".repeat(4 * 10))).isNull();
        assertThat(CaseNumbers.parseNumber(NUMBER + " ".repeat(4 * 10 - NUMBER.length()))).isEqualTo(NUMBER);
    }
}
