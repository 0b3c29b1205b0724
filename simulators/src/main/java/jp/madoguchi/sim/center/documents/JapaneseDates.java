package jp.madoguchi.sim.center.documents;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as Japanese certificates print them: era name and year, e.g. 令和7年4月1日. */
public final class JapaneseDates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);

    private JapaneseDates() {}

    public static String format(LocalDate date) {
        return FORMAT.format(JapaneseDate.from(date));
    }

    /** A calendar year in the era in force at its end, e.g. 令和6年 for 2024 (as in 令和6年中の所得). */
    public static String year(int year) {
        String date = format(LocalDate.of(year, 12, 31));
        return date.substring(0, date.indexOf('年') + 1);
    }

    /** The fiscal-year label, e.g. 令和7年度 for 2025. */
    public static String fiscalYear(int year) {
        String date = format(LocalDate.of(year, 6, 1));
        return date.substring(0, date.indexOf('年')) + "年度";
    }
}
