package jp.madoguchi.sim.center.registry;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fiscal years (年度) of the tax certificate a municipality offers at kiosks: the latest
 * year and {@code yearsOffered - 1} years before it. A new year's data (assessed on the residents
 * of 1 January of that year) is published on {@code newYearFrom} of the same year; domain.md
 * gives June (the default, 1 June), so until then the previous year is the latest. Most
 * municipalities offer the latest year only; some offer past years too.
 *
 * @param yearsOffered how many years, the latest included (at least 1)
 * @param newYearFrom the day on which year N's data becomes available in year N
 */
public record TaxYears(int yearsOffered, MonthDay newYearFrom) {
    /** The day of domain.md: the certificate year switches in June. */
    public static final MonthDay JUNE_FIRST = MonthDay.of(6, 1);

    public TaxYears {
        if (yearsOffered < 1) {
            throw new IllegalArgumentException("a municipality offering tax certificates offers at least one year");
        }
        newYearFrom = newYearFrom == null ? JUNE_FIRST : newYearFrom;
    }

    /** The latest year only, switching on 1 June (domain.md). */
    public static TaxYears latestOnly() {
        return new TaxYears(1, JUNE_FIRST);
    }

    /** The latest year and {@code past} years before it, switching on 1 June. */
    public static TaxYears latestAndPast(int past) {
        return new TaxYears(1 + past, JUNE_FIRST);
    }

    /** The latest year whose data is published on {@code today}. */
    public int latest(LocalDate today) {
        return MonthDay.from(today).isBefore(newYearFrom) ? today.getYear() - 1 : today.getYear();
    }

    /** The years offered on {@code today}, latest first. */
    public List<Integer> offered(LocalDate today) {
        int latest = latest(today);
        List<Integer> years = new ArrayList<>(yearsOffered);
        for (int i = 0; i < yearsOffered; i++) {
            years.add(latest - i);
        }
        return List.copyOf(years);
    }
}
