package jp.madoguchi.kiosk.ui;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A fiscal year (年度) of the tax certificate as the resident reads it: the Japanese era year
 * and the western year, e.g. 「令和8年度（2026年度）」 or "FY2026 (Reiwa 8)", and the income
 * year it covers (the calendar year before). Era names come from the bundles ({@code era.REIWA}),
 * so a language without one still reads the western year.
 */
public final class FiscalYearText {
    private final UiText text;

    public FiscalYearText(UiText text) {
        this.text = text;
    }

    /** The label of fiscal year {@code year}: the era of 1 June of that year (as certificates print it). */
    public String year(int year) {
        return format("taxYear.label", LocalDate.of(year, 6, 1), year);
    }

    /** The income the certificate of fiscal year {@code year} shows: that of the calendar year before. */
    public String incomeOf(int year) {
        return format("taxYear.income", LocalDate.of(year - 1, 12, 31), year - 1);
    }

    private String format(String key, LocalDate day, int western) {
        JapaneseDate date = JapaneseDate.from(day);
        JapaneseEra era = date.getEra();
        String eraKey = "era." + era.toString().toUpperCase(Locale.ROOT);
        // Western years as text: MessageFormat would group 2026 as "2,026".
        String westernYear = Integer.toString(western);
        if (!text.has(eraKey)) {
            return text.text(key + ".western", westernYear);
        }
        return text.text(key, text.text(eraKey), Integer.toString(date.get(ChronoField.YEAR_OF_ERA)), westernYear);
    }
}
