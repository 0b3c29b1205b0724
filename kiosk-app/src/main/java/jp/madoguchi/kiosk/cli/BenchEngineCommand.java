package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk bench engine}: C headless kiosks (each its own card simulator, journal, printer and
 * payment) against one in-process center simulator; every resident is a different catalogue
 * resident. Machine-side time per transaction is measured from card placed to printing ended
 * plus the card-out step, with no simulated human waits. Identity: every printed document must be
 * one of its own transaction's documents; money: every transaction settled.
 */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = "End-to-end engine benchmark: C concurrent simulated kiosks against one center simulator.")
public final class BenchEngineCommand implements Callable<Integer> {
    @Option(
            names = "--transactions",
            defaultValue = "64",
            description = "Transactions in all (default ${DEFAULT-VALUE}).")
    int transactions;

    @Option(names = "--concurrency", defaultValue = "4", description = "Concurrent kiosks (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("madoguchi-bench");
        Clock clock = DemoCommand.demoClock(Clock.systemUTC());
        KioskConfig base = new KioskConfigLoader(System.getProperty("user.home")).defaults();
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger mismatched = new AtomicInteger();
        AtomicInteger moneyViolations = new AtomicInteger();
        AtomicInteger notDone = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long wallStart;
        long wallEnd;
        try (CenterSimulator center =
                CenterSimulator.builder(dir.resolve("sim")).clock(clock).start()) {
            CardIssuer issuer = CardIssuer.open(dir.resolve("sim"));
            List<Resident> residents = center.catalogue().ordinaryAdults(java.time.LocalDate.now(clock));
            List<SimulatedCard> cards = new ArrayList<>();
            for (int i = 0; i < Math.min(residents.size(), Math.max(concurrency * 2, 8)); i++) {
                cards.add(issuer.issue(CatalogueCardholders.cardholderOf(residents.get(i))));
            }
            List<KioskAssembly> kiosks = new ArrayList<>();
            for (int k = 0; k < concurrency; k++) {
                KioskConfig cfg = new KioskConfig(
                        new KioskConfig.Kiosk(
                                String.format("KB%03d", k), base.kiosk().deployment(), dir.resolve("k" + k)),
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
            }
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            wallStart = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int k = 0; k < concurrency; k++) {
                KioskAssembly kiosk = kiosks.get(k);
                running.add(pool.submit(() -> {
                    SimulatedResident hands = new SimulatedResident(kiosk, null);
                    SimulatedCertificatePrinter printer =
                            kiosk.simulatedPrinter().orElseThrow();
                    int n;
                    while ((n = next.getAndIncrement()) < transactions) {
                        SimulatedCard card = cards.get(n % cards.size());
                        int jobsBefore = printer.printedJobs().size();
                        long t0 = System.nanoTime();
                        EngineSnapshot s = hands.placeCard(card);
                        String id = s.transactionId().orElseThrow();
                        s = hands.enterPin("1234");
                        s = hands.choose(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)));
                        s = hands.confirmFee();
                        hands.pay(s, Yen.of(1000));
                        s = hands.awaitPrintingEnd();
                        hands.takeCard();
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                        TransactionId tx = new TransactionId(id);
                        if (kiosk.journal().find(tx).map(t -> t.state()).orElse(null) != TransactionState.DONE) {
                            notDone.incrementAndGet();
                        }
                        if (!kiosk.journal().balance(tx).isSettled()) {
                            moneyViolations.incrementAndGet();
                        }
                        Set<String> mine = kiosk.journal().orderedDocuments(tx).stream()
                                .map(OrderedDocument::documentId)
                                .collect(Collectors.toSet());
                        List<SimulatedCertificatePrinter.PrintedJob> jobs = printer.printedJobs()
                                .subList(jobsBefore, printer.printedJobs().size());
                        mismatched.addAndGet((int) jobs.stream()
                                .filter(j -> !mine.contains(j.documentId()))
                                .count());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            wallEnd = System.nanoTime();
            pool.shutdown();
            kiosks.forEach(KioskAssembly::close);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary files only
            }
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double seconds = (wallEnd - wallStart) / 1e9;
        long p50 = percentile(sorted, 50);
        long p95 = percentile(sorted, 95);
        String line = String.format(
                java.util.Locale.ROOT,
                "{\"transactions\":%d,\"concurrency\":%d,\"transactionsPerSecond\":%.2f,\"p50Millis\":%d,\"p95Millis\":%d,"
                        + "\"mismatchedDocuments\":%d,\"moneyInvariantViolations\":%d,\"notDone\":%d}",
                sorted.size(),
                concurrency,
                sorted.size() / seconds,
                p50,
                p95,
                mismatched.get(),
                moneyViolations.get(),
                notDone.get());
        if (json) {
            System.out.println(line);
        } else {
            System.out.printf(
                    "%d transactions on %d kiosks: %.2f/s, p50 %d ms, p95 %d ms, mismatched %d, money violations %d, not done %d%n",
                    sorted.size(),
                    concurrency,
                    sorted.size() / seconds,
                    p50,
                    p95,
                    mismatched.get(),
                    moneyViolations.get(),
                    notDone.get());
        }
        return mismatched.get() == 0 && moneyViolations.get() == 0 && notDone.get() == 0 ? 0 : 1;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
