package jp.madoguchi.kiosk.hours;

import java.time.Instant;

/** A planned stop of the whole kiosk, from {@code start} (inclusive) to {@code end} (exclusive). */
public record MaintenanceWindow(Instant start, Instant end) {
    public MaintenanceWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "a maintenance window must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
