package jp.madoguchi.sim.center;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fault script of a running center, like a mock server's queue: faults apply to the next
 * matching requests and are used up; random latency and the switches apply until changed.
 * Thread-safe.
 */
public final class CenterFaults {
    private final List<Fault> queue = new ArrayList<>();
    private volatile Duration minLatency = Duration.ZERO;
    private volatile Duration maxLatency = Duration.ZERO;
    private volatile boolean outsideHours;
    private volatile boolean ocspUnavailable;

    /** Adds a fault to the script. */
    public synchronized CenterFaults enqueue(Fault fault) {
        queue.add(fault);
        return this;
    }

    public CenterFaults failNext(int count, String pathPrefix) {
        return enqueue(Fault.of(Fault.Kind.SERVER_ERROR, pathPrefix, count));
    }

    public CenterFaults dropNext(int count, String pathPrefix) {
        return enqueue(Fault.of(Fault.Kind.DROP_CONNECTION, pathPrefix, count));
    }

    public CenterFaults delayNext(int count, String pathPrefix, Duration delay) {
        return enqueue(new Fault(Fault.Kind.DELAY, pathPrefix, count, delay));
    }

    /** Every request waits a random time in [min, max] before it is handled (0, 0 to stop). */
    public CenterFaults latency(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max latency below min latency");
        }
        this.minLatency = min;
        this.maxLatency = max;
        return this;
    }

    /** Refuse every session as outside the service hours, whatever the clock says. */
    public CenterFaults outsideHours(boolean on) {
        this.outsideHours = on;
        return this;
    }

    /** Make the OCSP responder answer 500, so that the center falls back to the CRL. */
    public CenterFaults ocspUnavailable(boolean on) {
        this.ocspUnavailable = on;
        return this;
    }

    /** Removes every scripted fault and switch. */
    public synchronized void clear() {
        queue.clear();
        minLatency = Duration.ZERO;
        maxLatency = Duration.ZERO;
        outsideHours = false;
        ocspUnavailable = false;
    }

    public boolean isOutsideHours() {
        return outsideHours;
    }

    public boolean isOcspUnavailable() {
        return ocspUnavailable;
    }

    /** Takes the first queued fault matching {@code path} (and {@code kinds} if given), using it up once. */
    public synchronized Optional<Fault> take(String path, List<Fault.Kind> kinds) {
        for (Iterator<Fault> it = queue.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.matches(path) && (kinds.isEmpty() || kinds.contains(f.kind()))) {
                it.remove();
                if (f.count() > 1) {
                    queue.add(0, new Fault(f.kind(), f.pathPrefix(), f.count() - 1, f.delay()));
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The random latency to add to the next request. */
    public Duration nextLatency() {
        long min = minLatency.toMillis();
        long max = maxLatency.toMillis();
        if (max == 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
    }
}
