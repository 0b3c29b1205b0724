package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.counter.CounterLane;
import jp.madoguchi.kiosk.counter.CounterWindow;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionEngine;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.printer.receipt.CounterTicket;
import jp.madoguchi.printer.receipt.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk clerk counter-demo}: one resident at a simulated municipal counter terminal — the
 * 受付票, the staff confirmation by ticket number, the certificate on the back-office printer.
 */
@Command(
        name = "counter-demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the municipal counter deployment once, everything simulated unless --config says",
            "otherwise: card in, PIN, 住民票の写し 1 copy, fee confirmed -> 受付票 printed; staff confirm",
            "the ticket number -> the certificate prints; card out. Exit 0 only if it ends DONE and settled."
        })
public final class ClerkCounterDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        KioskConfig c = where.loadConfig();
        if (c.kiosk().deployment() != KioskConfig.Deployment.COUNTER) {
            c = new KioskConfig(
                    new KioskConfig.Kiosk(
                            c.kiosk().id(),
                            KioskConfig.Deployment.COUNTER,
                            c.kiosk().dataDir()),
                    c.card(),
                    c.center(),
                    c.printers(),
                    new KioskConfig.Payment(
                            KioskConfig.Payment.PaymentDevice.COUNTER,
                            c.payment().gpio()),
                    c.ledger(),
                    c.hours(),
                    c.ui(),
                    c.clerk(),
                    c.counter());
        }
        Path dir = where.data != null ? where.data : Files.createTempDirectory("madoguchi-counter");
        try (KioskAssembly kiosk = KioskAssembly.build(
                c,
                KioskAssembly.Options.defaults()
                        .withDataDir(dir)
                        .withClock(DemoCommand.demoClock(java.time.Clock.systemUTC())))) {
            TransactionEngine engine = kiosk.engine();
            CounterLane lane = kiosk.counterLane().orElseThrow();
            CounterWindow window =
                    new CounterWindow(id -> Optional.of(kiosk.journal().balance(id)));
            window.serve(lane);
            kiosk.cardSlot().orElseThrow().insert(kiosk.residentCard().orElseThrow());
            engine.cardInserted().get(60, TimeUnit.SECONDS);
            engine.pinEntered("1234".toCharArray()).get(60, TimeUnit.SECONDS);
            engine.orderChosen(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)))
                    .get(60, TimeUnit.SECONDS);
            EngineSnapshot waiting = engine.feeConfirmed().get(60, TimeUnit.SECONDS);
            out.printf(
                    "terminal: %s %s fee=%d%n",
                    waiting.transactionId().orElse("-"),
                    waiting.state(),
                    waiting.fee().amount());
            if (waiting.state() != TransactionState.FEE_CONFIRMED) {
                out.println("counter-demo: FAILED (" + waiting.errorCode().orElse("no ticket") + ")");
                return 1;
            }
            kiosk.simulatedReceipts().ifPresent(r -> {
                for (Receipt receipt : r.printed()) {
                    if (receipt instanceof CounterTicket t) {
                        out.printf("受付票 %s  %s%n", t.ticketNumber(), t.counter());
                        t.notes().forEach(n -> out.println("  " + n));
                        out.println("  [QR " + t.qrText() + "]");
                    }
                }
            });
            String number = lane.openTicket().orElseThrow().code().ticketNumber();
            CounterWindow.Confirmation confirmation = window.confirm(number);
            out.printf("staff: ticket %s -> %s%n", number, confirmation.outcome());
            EngineSnapshot printed = engine.await(
                            s -> s.state() == TransactionState.PRINTED
                                    || s.state().isFinal(),
                            Duration.ofSeconds(120))
                    .orElseThrow();
            kiosk.cardSlot().orElseThrow().remove();
            engine.cardRemoved().get(60, TimeUnit.SECONDS);
            TransactionId id = new TransactionId(printed.transactionId().orElseThrow());
            TransactionState end = kiosk.journal().find(id).orElseThrow().state();
            MoneyBalance money = kiosk.journal().balance(id);
            out.printf(
                    "counter-demo: transaction %s %s copies=%d fee=%d paidToStaff=%d settled=%s%n",
                    id,
                    end,
                    printed.copiesPrinted(),
                    printed.fee().amount(),
                    money.inserted().amount(),
                    money.isSettled());
            return end == TransactionState.DONE && money.isSettled() && printed.copiesPrinted() == 1 ? 0 : 1;
        } finally {
            if (where.data == null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
