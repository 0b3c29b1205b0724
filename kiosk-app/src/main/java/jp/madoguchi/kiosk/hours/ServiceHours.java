package jp.madoguchi.kiosk.hours;

import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The kiosk-wide service hours: every day from {@code opens} to {@code closes} (6:30–23:00 by
 * default, Japan time), except the year-end stop (12/29–1/3) and maintenance windows. Hours of
 * one municipality or one certificate type (weekday-only 戸籍) come with the center's menu.
 */
public record ServiceHours(
        ZoneId zone,
        LocalTime opens,
        LocalTime closes,
        MonthDay yearEndStopFrom,
        MonthDay yearEndStopTo,
        List<MaintenanceWindow> maintenance) {

    /** The national convenience-store issuance hours. */
    public static ServiceHours standard() {
        return new ServiceHours(
                ZoneId.of("Asia/Tokyo"),
                LocalTime.of(6, 30),
                LocalTime.of(23, 0),
                MonthDay.of(12, 29),
                MonthDay.of(1, 3),
                List.of());
    }

    public ServiceHours {
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("closing time must be after opening time: " + opens + " .. " + closes);
        }
        maintenance = List.copyOf(maintenance);
    }

    public ServiceHours withMaintenance(List<MaintenanceWindow> windows) {
        return new ServiceHours(zone, opens, closes, yearEndStopFrom, yearEndStopTo, windows);
    }

    /** Empty when the kiosk issues at {@code instant}, else why not. */
    public Optional<ClosedReason> closedAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (inYearEndStop(MonthDay.from(local))) {
            return Optional.of(ClosedReason.YEAR_END);
        }
        if (maintenance.stream().anyMatch(w -> w.covers(instant))) {
            return Optional.of(ClosedReason.MAINTENANCE);
        }
        LocalTime time = local.toLocalTime();
        if (time.isBefore(opens) || !time.isBefore(closes)) {
            return Optional.of(ClosedReason.OUTSIDE_HOURS);
        }
        return Optional.empty();
    }

    /** The same hours without the year-end stop (a municipality that issues over New Year). */
    public ServiceHours withoutYearEndStop() {
        return new ServiceHours(zone, opens, closes, null, null, maintenance);
    }

    private boolean inYearEndStop(MonthDay day) {
        if (yearEndStopFrom == null || yearEndStopTo == null) {
            return false;
        }
        if (yearEndStopFrom.isAfter(yearEndStopTo)) { // wraps over New Year
            return !day.isBefore(yearEndStopFrom) || !day.isAfter(yearEndStopTo);
        }
        return !day.isBefore(yearEndStopFrom) && !day.isAfter(yearEndStopTo);
    }
}
