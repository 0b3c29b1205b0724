package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;

/**
 * One run of the engine benchmark: starts a {@link BenchFleet} in a temporary directory, runs the
 * unmeasured warm-up, then the measured transactions, prints the figures (one JSON line or text)
 * and deletes the directory. Exit code 0 only when no document crossed and no yen went missing.
 */
final class BenchEngineRun implements Callable<Integer> {
    private static final int SOAK_TRANSACTIONS = 1000;

    private final int transactions;
    private final int concurrency;
    private final int warmup;
    private final boolean json;

    BenchEngineRun(int transactions, int concurrency, int warmup, boolean json) {
        if (transactions < 1 || concurrency < 1 || concurrency > 256) {
            throw new jp.madoguchi.kiosk.KioskException(
                    jp.madoguchi.kiosk.KioskErrorCode.CONFIGURATION_INVALID,
                    "--transactions must be at least 1 and --concurrency 1 to 256");
        }
        this.transactions = transactions;
        this.concurrency = concurrency;
        this.warmup = warmup < 0 ? 2 * concurrency : warmup;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        return run(transactions, concurrency, false);
    }

    /**
     * The memory soak: {@value #SOAK_TRANSACTIONS} transactions on one kiosk unless the caller
     * chose otherwise; heap (after a GC) and RSS printed before and after.
     */
    Integer soak(boolean transactionsGiven, boolean concurrencyGiven) throws Exception {
        return run(transactionsGiven ? transactions : SOAK_TRANSACTIONS, concurrencyGiven ? concurrency : 1, true);
    }

    private Integer run(int count, int kiosks, boolean memory) throws Exception {
        Path dir = Files.createTempDirectory("madoguchi-bench");
        Clock clock = DemoCommand.demoClock(Clock.systemUTC());
        KioskConfig base = new KioskConfigLoader(System.getProperty("user.home")).defaults();
        try (BenchFleet fleet = new BenchFleet(dir, base, clock, kiosks, 2)) {
            if (warmup > 0) {
                fleet.warmUp((warmup + kiosks - 1) / kiosks);
            }
            MemoryFigures start = memory ? MemoryFigures.now() : null;
            BenchFleet.Figures figures = fleet.run(count);
            MemoryFigures end = memory ? MemoryFigures.now() : null;
            String line = figures.json();
            if (memory) {
                line = line.substring(0, line.length() - 1)
                        + String.format(
                                Locale.ROOT,
                                ",\"heapStartMiB\":%.1f,\"heapEndMiB\":%.1f,\"rssStartMiB\":%.1f,\"rssEndMiB\":%.1f}",
                                start.heapMiB(),
                                end.heapMiB(),
                                start.rssMiB(),
                                end.rssMiB());
            }
            if (json) {
                System.out.println(line);
            } else {
                System.out.println(figures.text());
                if (memory) {
                    System.out.printf(
                            Locale.ROOT,
                            "  memory: heap %.1f MiB -> %.1f MiB (after GC), RSS %.1f MiB -> %.1f MiB%n",
                            start.heapMiB(),
                            end.heapMiB(),
                            start.rssMiB(),
                            end.rssMiB());
                }
            }
            return figures.clean() && figures.transactions() == count ? 0 : 1;
        } finally {
            deleteTree(dir);
        }
    }

    /** Heap in use after a full collection, and the process's resident set from /proc. */
    record MemoryFigures(double heapMiB, double rssMiB) {
        static MemoryFigures now() {
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new MemoryFigures(heap.getUsed() / 1048576.0, residentSetKiB() / 1024.0);
        }

        /** VmRSS from /proc/self/status in KiB; -1 where there is no /proc (not Linux). */
        static long residentSetKiB() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
                return lines.filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> l.replaceAll("[^0-9]", ""))
                        .mapToLong(Long::parseLong)
                        .findFirst()
                        .orElse(-1);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files only
        }
    }
}
