package jp.madoguchi.kiosk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.RecoveryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine process of the crash drill ({@code kiosk bench --crash-injection}), started by the
 * drill in a child JVM; not for people. It runs one kiosk against a center started elsewhere
 * (center.source REAL over mutual TLS), so the center outlives the kiosk process as it would in
 * the field.
 *
 * <p>Transaction mode: one resident's transaction; every committed journal record is announced
 * on stdout as {@code WRITE n record}. With {@code --stop-after n} the engine stops right after the
 * n-th record, before its side effect: it prints {@code CRASHPOINT n record} and blocks until the
 * drill kills the process (SIGKILL). Recover mode: builds the kiosk (start-up recovery runs),
 * prints {@code RECOVERED key=value ...} per transaction it ended, then {@code RECOVERY-END}.
 */
@Command(name = "crash-child", hidden = true, description = "The engine process of the crash drill.")
public final class BenchCrashChildCommand implements Callable<Integer> {
    /** What the resident does in the transaction mode. */
    enum Scenario {
        /** One 住民票 copy, a 1000-yen bill, change from the hopper. */
        ONE_COPY,
        /** Two copies, the printer jams on the second: refund of the unprinted copy. */
        JAM_ON_SECOND_COPY
    }

    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--center-url", required = true)
    String centerUrl;

    @Option(names = "--trust", required = true)
    Path trust;

    @Option(names = "--sim", required = true, description = "The center simulator's directory (JPKI CA of the cards).")
    Path sim;

    @Option(names = "--kiosk", defaultValue = "KC001")
    String kioskId;

    @Option(names = "--scenario", defaultValue = "ONE_COPY")
    Scenario scenario;

    @Option(names = "--stop-after", defaultValue = "0")
    int stopAfter;

    @Option(names = "--recover")
    boolean recover;

    @Option(names = "--tx", description = "Recover mode: the transaction to report on (recovered or not).")
    String transaction;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        KioskConfig base = new KioskConfigLoader(System.getProperty("user.home")).defaults();
        KioskConfig config = new KioskConfig(
                new KioskConfig.Kiosk(kioskId, base.kiosk().deployment(), data),
                base.card(),
                new KioskConfig.Center(
                        KioskConfig.Source.REAL, centerUrl, trust, base.center().timeoutSeconds()),
                base.printers(),
                base.payment(),
                base.ledger(),
                base.hours(),
                base.ui());
        KioskAssembly.Options options = KioskAssembly.Options.defaults()
                .withDataDir(data)
                .withSimulatorDir(sim)
                .withClock(DemoCommand.demoClock(Clock.systemUTC()));
        try (KioskAssembly kiosk = KioskAssembly.build(config, options)) {
            return recover ? report(kiosk, transaction, out) : transaction(kiosk, out);
        }
    }

    private int transaction(KioskAssembly kiosk, PrintStream out) throws InterruptedException {
        AtomicInteger written = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        kiosk.journal().observeWrites((id, record) -> {
            int n = written.incrementAndGet();
            if (n == stopAfter) {
                out.println("CRASHPOINT " + n + " " + record + " " + id.value());
                out.flush();
                try {
                    never.await(); // hold the engine between the record and its side effect until SIGKILL
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                out.println("WRITE " + n + " " + record);
                out.flush();
            }
        });
        int copies = scenario == Scenario.JAM_ON_SECOND_COPY ? 2 : 1;
        if (scenario == Scenario.JAM_ON_SECOND_COPY) {
            kiosk.simulatedPrinter().orElseThrow().jamOnJob(2);
        }
        SimulatedResident hands = new SimulatedResident(kiosk, null);
        hands.placeCard(kiosk.residentCard().orElseThrow());
        hands.enterPin("1234");
        hands.choose(List.of(new OrderItem(CertificateType.RESIDENCE_RECORD, null, List.of(), List.of(), copies)));
        EngineSnapshot confirmed = hands.confirmFee();
        hands.pay(confirmed, Yen.of(1000));
        hands.awaitPrintingEnd();
        hands.takeCard();
        out.println("COMPLETED " + written.get());
        out.flush();
        return 0;
    }

    private static int report(KioskAssembly kiosk, String transaction, PrintStream out) {
        Journal journal = kiosk.journal();
        for (RecoveryReport r : kiosk.recovery()) {
            out.println("RECOVERED tx=" + r.transactionId().value() + " found=" + r.foundIn() + " ended=" + r.endedIn()
                    + " voucher=" + r.refundVoucher().amount() + " voided=" + r.voidedAtCenter());
        }
        if (transaction != null) {
            TransactionId tx = new TransactionId(transaction);
            MoneyBalance money = journal.balance(tx);
            List<OrderedDocument> ordered = journal.orderedDocuments(tx);
            String printed = ordered.stream()
                    .filter(d -> journal.printedCopies(tx, d.documentId()) > 0)
                    .map(OrderedDocument::documentId)
                    .collect(Collectors.joining(","));
            out.println("TRANSACTION tx=" + tx.value() + " state="
                    + journal.find(tx).map(t -> t.state().name()).orElse("NONE") + " inserted="
                    + money.inserted().amount() + " printedFees="
                    + money.printedFees().amount() + " change="
                    + money.changePaid().amount() + " refunds="
                    + money.refundsPaid().amount() + " vouchers="
                    + money.refundsOwed().amount() + " held=" + money.held() + " ordered="
                    + ordered.stream().map(OrderedDocument::documentId).collect(Collectors.joining(","))
                    + " printed=" + printed);
        }
        int reprinted =
                kiosk.simulatedPrinter().map(p -> p.printedJobs().size()).orElse(0);
        out.println("RECOVERY-END reports=" + kiosk.recovery().size() + " unfinished="
                + journal.unfinished().size() + " printerJobs=" + reprinted);
        out.flush();
        return 0;
    }
}
