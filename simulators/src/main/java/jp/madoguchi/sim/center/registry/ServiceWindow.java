package jp.madoguchi.sim.center.registry;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/** Daily opening hours on some weekdays, e.g. 戸籍 on weekdays 8:30–17:00. */
public record ServiceWindow(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    public static final Set<DayOfWeek> EVERY_DAY = Set.of(DayOfWeek.values());
    public static final Set<DayOfWeek> WEEKDAYS =
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public ServiceWindow {
        days = Set.copyOf(days);
    }

    /** The kiosk service hours: 6:30–23:00 every day. */
    public static ServiceWindow kioskHours() {
        return new ServiceWindow(EVERY_DAY, LocalTime.of(6, 30), LocalTime.of(23, 0));
    }

    public boolean isOpen(ZonedDateTime at) {
        LocalTime t = at.toLocalTime();
        return days.contains(at.getDayOfWeek()) && !t.isBefore(opens) && t.isBefore(closes);
    }
}
