package jp.madoguchi.kiosk.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceHoursTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-24T06:29:59, OUTSIDE_HOURS",
        "2026-11-24T06:30:00, OPEN",
        "2026-11-24T22:59:59, OPEN",
        "2026-11-24T23:00:00, OUTSIDE_HOURS",
        "2026-12-28T22:00:00, OPEN",
        "2026-12-29T10:00:00, YEAR_END",
        "2027-01-01T10:00:00, YEAR_END",
        "2027-01-03T22:00:00, YEAR_END",
        "2027-01-04T06:30:00, OPEN",
    })
    void standardHoursFollowTheNationalSchedule(String at, String expected) {
        Optional<ClosedReason> closed = ServiceHours.standard().closedAt(tokyo(at));
        assertThat(closed.map(Enum::name).orElse("OPEN")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-23T23:30:00, OUTSIDE_HOURS",
        "2026-11-24T01:59:59, MAINTENANCE",
        "2026-11-24T07:59:59, MAINTENANCE",
        "2026-11-24T08:00:00, OPEN",
    })
    void aMaintenanceWindowClosesTheKioskUntilItEnds(String at, String expected) {
        ServiceHours hours = ServiceHours.standard()
                .withMaintenance(
                        List.of(new MaintenanceWindow(tokyo("2026-11-24T00:00:00"), tokyo("2026-11-24T08:00:00"))));
        assertThat(hours.closedAt(tokyo(at)).map(Enum::name).orElse("OPEN")).isEqualTo(expected);
    }
}
