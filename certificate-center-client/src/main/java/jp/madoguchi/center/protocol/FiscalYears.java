package jp.madoguchi.center.protocol;

import java.util.HashSet;
import java.util.List;

/**
 * The protocol's rules for fiscal years (年度): only the tax certificate carries one, on the menu
 * (the years this resident can order, latest first) and on the order (the chosen year). A year is
 * a western calendar year between {@link #EARLIEST} and {@link #LATEST}.
 */
final class FiscalYears {
    /** 平成元年度; no kiosk ever held tax data older than that. */
    static final int EARLIEST = 1989;

    static final int LATEST = 9999;

    private FiscalYears() {}

    static void checkOrdered(CertificateType type, Integer fiscalYear) {
        if (type == CertificateType.INCOME_TAX) {
            if (fiscalYear == null) {
                throw new IllegalArgumentException(
                        "missing field: fiscalYear (an INCOME_TAX item names one of the menu item's fiscalYears)");
            }
            checkRange(fiscalYear);
        } else if (fiscalYear != null) {
            throw new IllegalArgumentException("fiscalYear is only for INCOME_TAX, not for " + type);
        }
    }

    static List<Integer> checkOffered(CertificateType type, List<Integer> years) {
        List<Integer> copy = Required.list(years);
        if (type != CertificateType.INCOME_TAX) {
            if (!copy.isEmpty()) {
                throw new IllegalArgumentException("fiscalYears are only for INCOME_TAX, not for " + type);
            }
            return copy;
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(
                    "missing field: fiscalYears (an INCOME_TAX menu item lists at least one year;"
                            + " a resident without tax data gets TAX_DATA_MISSING instead)");
        }
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("fiscalYears lists a year twice");
        }
        for (int i = 0; i < copy.size(); i++) {
            checkRange(copy.get(i));
            if (i > 0 && copy.get(i) >= copy.get(i - 1)) {
                throw new IllegalArgumentException("fiscalYears must be listed latest first");
            }
        }
        return copy;
    }

    private static void checkRange(Integer year) {
        if (year == null || year < EARLIEST || year > LATEST) {
            throw new IllegalArgumentException(
                    "fiscalYear " + year + " is not a year between " + EARLIEST + " and " + LATEST);
        }
    }
}
