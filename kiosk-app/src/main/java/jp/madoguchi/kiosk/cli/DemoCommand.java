package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.hours.ServiceHours;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk demo}: the whole kiosk, everything simulated and in-process. Until the touchscreen
 * screens arrive (their own issue), the demo is a text walk-through of one resident's
 * transaction; {@code --smoke} runs it silently and prints a one-line summary.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one resident's transaction on an all-simulated kiosk, in-process: card in, PIN 1234,",
            "住民票の写し 1 copy, pay (a 1000-yen bill: change comes back), print, card out.",
            "Without --smoke every screen the engine shows is printed as text; the touchscreen (JavaFX)",
            "screens arrive with the touchscreen issue. Outside service hours the demo runs on a",
            "simulated clock set to 10:00 Japan time."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--smoke",
            description = "Run silently; print one summary line; exit 0 only if DONE with money settled.")
    boolean smoke;

    @Option(
            names = "--printer",
            paramLabel = "URI",
            description = "Print the certificate on this IPP printer (ipp://host:port/ipp/print).")
    String printer;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory (journal, simulator PKI); default: a temporary one, deleted after.")
    Path data;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration overlay (YAML); default: the embedded all-simulated one.")
    Path config;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        KioskConfigLoader loader = new KioskConfigLoader(System.getProperty("user.home"));
        KioskConfig cfg = config == null ? loader.defaults() : loader.load(config);
        Path dir = data;
        boolean temporary = dir == null;
        try {
            if (temporary) {
                dir = Files.createTempDirectory("madoguchi-demo");
            }
            Clock clock = demoClock(Clock.systemUTC());
            if (!smoke && !clock.equals(Clock.systemUTC())) {
                out.println("(outside service hours: the demo runs on a simulated clock at " + clock.instant() + ")");
            }
            KioskAssembly.Options options = KioskAssembly.Options.defaults()
                    .withDataDir(dir)
                    .withClock(clock)
                    .withCertificatePrinter(printer);
            long started = System.nanoTime();
            try (KioskAssembly kiosk = KioskAssembly.build(cfg, options)) {
                SimulatedResident resident = new SimulatedResident(kiosk, smoke ? null : s -> screen(out, s));
                EngineSnapshot s = resident.placeCard(kiosk.residentCard().orElseThrow());
                String id = s.transactionId().orElse("-");
                long apdus = 0;
                if (s.state() == TransactionState.CARD_PRESENT) {
                    s = resident.enterPin("1234");
                }
                if (s.state() == TransactionState.AUTHENTICATED) {
                    s = resident.choose(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)));
                }
                if (s.state() == TransactionState.ORDER_CHOSEN) {
                    s = resident.confirmFee();
                    resident.pay(s, Yen.of(1000));
                    s = resident.awaitPrintingEnd();
                }
                apdus = s.apduCount();
                EngineSnapshot afterPrint = s;
                resident.takeCard();
                long millis = (System.nanoTime() - started) / 1_000_000;
                TransactionState end = kiosk.journal()
                        .find(new TransactionId(id))
                        .map(t -> t.state())
                        .orElse(TransactionState.FAILED);
                MoneyBalance money = kiosk.journal().balance(new TransactionId(id));
                out.printf(
                        "demo: transaction %s %s copies=%d fee=%d paid=%d change=%d refundOwed=%d apdus=%d time=%dms%n",
                        id,
                        end,
                        afterPrint.copiesPrinted(),
                        afterPrint.fee().amount(),
                        money.inserted().amount(),
                        money.changePaid().amount(),
                        money.refundsOwed().amount(),
                        apdus,
                        millis);
                boolean ok = end == TransactionState.DONE && money.isSettled() && afterPrint.copiesPrinted() == 1;
                if (!ok) {
                    out.println("demo: FAILED (" + afterPrint.errorCode().orElse("no error code") + ", "
                            + afterPrint.messageKey() + ")");
                }
                return ok ? 0 : 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void screen(PrintStream out, EngineSnapshot s) {
        out.printf(
                "[%-18s] screen=%s%s fee=%d inserted=%d printed=%d/%d%s%n",
                s.state(),
                s.messageKey(),
                s.pinTriesLeft() >= 0 ? " pinTriesLeft=" + s.pinTriesLeft() : "",
                s.fee().amount(),
                s.inserted().amount(),
                s.copiesPrinted(),
                s.copiesOrdered(),
                s.errorCode().map(c -> " error=" + c).orElse(""));
    }

    /** Real time inside service hours; otherwise a running clock set to 10:00 Japan time on a normal day. */
    static Clock demoClock(Clock real) {
        ServiceHours hours = ServiceHours.standard();
        if (hours.closedAt(real.instant()).isEmpty()) {
            return real;
        }
        ZoneId japan = ZoneId.of("Asia/Tokyo");
        LocalDate day = LocalDate.now(real.withZone(japan));
        Instant target = day.atTime(LocalTime.of(10, 0)).atZone(japan).toInstant();
        if (hours.closedAt(target).isPresent()) {
            target = LocalDate.of(day.getYear() + (day.getMonthValue() == 12 ? 1 : 0), 1, 10)
                    .atTime(LocalTime.of(10, 0))
                    .atZone(japan)
                    .toInstant();
        }
        return Clock.offset(real, Duration.between(real.instant(), target));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
