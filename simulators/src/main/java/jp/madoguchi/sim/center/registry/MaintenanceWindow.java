package jp.madoguchi.sim.center.registry;

import java.time.Instant;

/** A period in which a municipality's certificate server is down for maintenance, [from, until). */
public record MaintenanceWindow(Instant from, Instant until) {
    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
