package jp.madoguchi.kiosk.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.printing.SimulatedCertificatePrinter;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import jp.madoguchi.sim.resident.Resident;

/**
 * C headless kiosks side by side in this JVM, each with its own card simulator (its own cards),
 * journal, certificate printer, receipt printer and payment device, against one center
 * simulator. Each kiosk's residents place the card, enter PIN 1234, order one 住民票の写し, pay
 * with a 1000-yen bill, wait for printing and take the card, with no simulated human pauses: the
 * time of a transaction is all machine-side time. After each transaction the kiosk's own journal
 * and printer are checked: every printed document must be one of this transaction's documents
 * (identity) and every yen inserted accounted for (money).
 */
final class BenchFleet implements AutoCloseable {
    /** The resident's steps, timed one by one. */
    enum Step {
        CARD_PLACED,
        PIN_AND_SESSION,
        ORDER,
        FEE_CONFIRMED,
        PAID_TO_PRINTED,
        CARD_TAKEN
    }

    /** What a run measured. */
    record Figures(
            int transactions,
            int concurrency,
            double seconds,
            List<Long> sortedMillis,
            Map<Step, Long> stepMillis,
            long cpuMillis,
            Map<String, Long> cpuMillisByThread,
            int mismatchedDocuments,
            int moneyInvariantViolations,
            int notDone) {

        long percentile(int p) {
            if (sortedMillis.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.size()) - 1;
            return sortedMillis.get(Math.max(0, Math.min(sortedMillis.size() - 1, index)));
        }

        double perSecond() {
            return seconds <= 0 ? 0 : transactions / seconds;
        }

        double cpuMillisPerTransaction() {
            return transactions == 0 ? 0 : (double) cpuMillis / transactions;
        }

        boolean clean() {
            return mismatchedDocuments == 0 && moneyInvariantViolations == 0 && notDone == 0;
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"transactions\":%d,\"concurrency\":%d,\"transactionsPerSecond\":%.2f,\"p50Millis\":%d,"
                            + "\"p95Millis\":%d,\"cpuMillisPerTransaction\":%.1f,\"mismatchedDocuments\":%d,"
                            + "\"moneyInvariantViolations\":%d,\"notDone\":%d}",
                    transactions,
                    concurrency,
                    perSecond(),
                    percentile(50),
                    percentile(95),
                    cpuMillisPerTransaction(),
                    mismatchedDocuments,
                    moneyInvariantViolations,
                    notDone);
        }

        String text() {
            String steps = stepMillis.entrySet().stream()
                    .map(e -> String.format(
                            Locale.ROOT,
                            "%s %.1f",
                            e.getKey().name().toLowerCase(Locale.ROOT),
                            transactions == 0 ? 0.0 : (double) e.getValue() / transactions))
                    .collect(Collectors.joining(", "));
            return String.format(
                    Locale.ROOT,
                    "%d transactions on %d kiosks: %.2f/s, p50 %d ms, p95 %d ms, CPU %.1f ms/transaction,"
                            + " mismatched %d, money violations %d, not done %d%n  mean ms per step: %s%n"
                            + "  CPU ms per transaction by thread: %s",
                    transactions,
                    concurrency,
                    perSecond(),
                    percentile(50),
                    percentile(95),
                    cpuMillisPerTransaction(),
                    mismatchedDocuments,
                    moneyInvariantViolations,
                    notDone,
                    steps,
                    cpuMillisByThread.entrySet().stream()
                            .map(e -> String.format(
                                    Locale.ROOT,
                                    "%s %.1f",
                                    e.getKey(),
                                    transactions == 0 ? 0.0 : (double) e.getValue() / transactions))
                            .collect(Collectors.joining(", ")));
        }
    }

    private final CenterSimulator center;
    private final List<KioskAssembly> kiosks = new ArrayList<>();
    private final List<List<SimulatedCard>> cards = new ArrayList<>();

    /**
     * Starts the center simulator and {@code concurrency} kiosks under {@code dir}; each kiosk gets
     * {@code cardsPerKiosk} cards of its own (different catalogue residents).
     */
    BenchFleet(Path dir, KioskConfig base, Clock clock, int concurrency, int cardsPerKiosk) {
        this.center = CenterSimulator.builder(dir.resolve("sim")).clock(clock).start();
        try {
            CardIssuer issuer = CardIssuer.open(dir.resolve("sim"));
            List<Resident> residents = center.catalogue().ordinaryAdults(LocalDate.now(clock));
            int r = 0;
            for (int k = 0; k < concurrency; k++) {
                String kioskId = String.format("KB%03d", k);
                KioskConfig cfg = new KioskConfig(
                        new KioskConfig.Kiosk(kioskId, base.kiosk().deployment(), dir.resolve("k" + k)),
                        base.card(),
                        base.center(),
                        base.printers(),
                        base.payment(),
                        base.ledger(),
                        base.hours(),
                        base.ui());
                kiosks.add(KioskAssembly.build(
                        cfg,
                        KioskAssembly.Options.defaults()
                                .withDataDir(dir.resolve("k" + k))
                                .withClock(clock)
                                .withSharedCenter(center, issuer)));
                List<SimulatedCard> own = new ArrayList<>();
                for (int c = 0; c < cardsPerKiosk; c++) {
                    own.add(issuer.issue(CatalogueCardholders.cardholderOf(residents.get(r++ % residents.size()))));
                }
                cards.add(own);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The kiosks, for the soak's memory figures and for tests. */
    List<KioskAssembly> kiosks() {
        return kiosks;
    }

    /** Runs {@code transactions} transactions spread over the kiosks and measures them. */
    Figures run(int transactions) throws Exception {
        return run(transactions, false);
    }

    /** Warms up: every kiosk runs {@code perKiosk} transactions (JIT, first-use caches). */
    void warmUp(int perKiosk) throws Exception {
        run(perKiosk, true);
    }

    private Figures run(int transactions, boolean perKiosk) throws Exception {
        int concurrency = kiosks.size();
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        Map<Step, AtomicLong> stepNanos = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            stepNanos.put(s, new AtomicLong());
        }
        AtomicInteger mismatched = new AtomicInteger();
        AtomicInteger moneyViolations = new AtomicInteger();
        AtomicInteger notDone = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Map<Long, Long> threadCpuStart = threadCpuNanos();
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int k = 0; k < concurrency; k++) {
                KioskAssembly kiosk = kiosks.get(k);
                List<SimulatedCard> own = cards.get(k);
                running.add(pool.submit(() -> {
                    SimulatedResident hands = new SimulatedResident(kiosk, null);
                    SimulatedCertificatePrinter printer =
                            kiosk.simulatedPrinter().orElseThrow();
                    int mine = 0;
                    while (perKiosk ? mine < transactions : next.getAndIncrement() < transactions) {
                        SimulatedCard card = own.get(mine++ % own.size());
                        // The clerk's rounds: paper and change refilled, so every transaction takes the same path.
                        printer.loadPaper(500);
                        kiosk.hoppers().forEach(h -> h.setCoins(50));
                        int jobsBefore = printer.printedJobs().size();
                        long[] t = new long[Step.values().length + 1];
                        t[0] = System.nanoTime();
                        EngineSnapshot s = hands.placeCard(card);
                        t[1] = System.nanoTime();
                        String id = s.transactionId().orElseThrow();
                        s = hands.enterPin("1234");
                        t[2] = System.nanoTime();
                        s = hands.choose(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)));
                        t[3] = System.nanoTime();
                        s = hands.confirmFee();
                        t[4] = System.nanoTime();
                        hands.pay(s, Yen.of(1000));
                        hands.awaitPrintingEnd();
                        t[5] = System.nanoTime();
                        hands.takeCard();
                        t[6] = System.nanoTime();
                        millis.add((t[6] - t[0]) / 1_000_000);
                        for (Step step : Step.values()) {
                            stepNanos.get(step).addAndGet(t[step.ordinal() + 1] - t[step.ordinal()]);
                        }
                        check(kiosk, printer, new TransactionId(id), jobsBefore, mismatched, moneyViolations, notDone);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long wallEnd = System.nanoTime();
        long cpu = processCpuNanos() - cpuStart;
        Map<String, Long> byThread = cpuByThreadGroup(threadCpuStart, threadCpuNanos(), cpu);
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        Map<Step, Long> steps = new EnumMap<>(Step.class);
        stepNanos.forEach((k, v) -> steps.put(k, v.get() / 1_000_000));
        return new Figures(
                sorted.size(),
                concurrency,
                (wallEnd - wallStart) / 1e9,
                List.copyOf(sorted),
                steps,
                cpu / 1_000_000,
                byThread,
                mismatched.get(),
                moneyViolations.get(),
                notDone.get());
    }

    private static void check(
            KioskAssembly kiosk,
            SimulatedCertificatePrinter printer,
            TransactionId tx,
            int jobsBefore,
            AtomicInteger mismatched,
            AtomicInteger moneyViolations,
            AtomicInteger notDone) {
        if (kiosk.journal().find(tx).map(t -> t.state()).orElse(null) != TransactionState.DONE) {
            notDone.incrementAndGet();
        }
        if (!kiosk.journal().balance(tx).isSettled()) {
            moneyViolations.incrementAndGet();
        }
        Set<String> mine = kiosk.journal().orderedDocuments(tx).stream()
                .map(OrderedDocument::documentId)
                .collect(Collectors.toSet());
        List<SimulatedCertificatePrinter.PrintedJob> jobs = printer.printedJobs();
        List<SimulatedCertificatePrinter.PrintedJob> these = jobs.subList(jobsBefore, jobs.size());
        mismatched.addAndGet(
                (int) these.stream().filter(j -> !mine.contains(j.documentId())).count());
        if (these.isEmpty()) {
            mismatched.incrementAndGet(); // a DONE transaction whose certificate never came out
        }
    }

    /** CPU time of the whole process (all threads, the center simulator's too). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static Map<Long, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /**
     * CPU spent during the run per kind of thread (engine, center simulator, card, HTTP client,
     * ...), in ms; what no Java thread accounts for (garbage collection, JIT compilation) is "jvm".
     */
    private static Map<String, Long> cpuByThreadGroup(Map<Long, Long> start, Map<Long, Long> end, long processNanos) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new java.util.TreeMap<>();
        long accounted = 0;
        for (Map.Entry<Long, Long> e : end.entrySet()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(e.getKey());
            String name = info == null ? "ended" : info.getThreadName();
            String group = name.replaceAll("[-_ ]?[0-9A-Z]*[0-9]+.*$", "").replaceAll("\\s.*$", "");
            long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            accounted += used;
            groups.merge(group.isEmpty() ? name : group, used, Long::sum);
        }
        groups.put("jvm", Math.max(0, processNanos - accounted));
        Map<String, Long> millis = new java.util.TreeMap<>();
        groups.forEach((k, v) -> {
            if (v >= 1_000_000) {
                millis.put(k, v / 1_000_000);
            }
        });
        return millis;
    }

    @Override
    public void close() {
        for (KioskAssembly k : kiosks) {
            k.close();
        }
        center.close();
    }
}
