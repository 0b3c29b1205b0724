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
import jp.madoguchi.kiosk.demo.SimulatorPkiCache;
import jp.madoguchi.kiosk.hours.ServiceHours;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.kiosk.ui.KioskDesktop;
import jp.madoguchi.kiosk.ui.UiSettings;
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
            "Opens the touchscreen (JavaFX) of an all-simulated kiosk, in-process, with a simulator",
            "control window: insert/remove a resident's card (PIN 1234), coins and bills, printer faults.",
            "--smoke runs one resident's transaction headless (card in, PIN 1234, 住民票の写し 1 copy,",
            "a 1000-yen bill, print, card out) and prints a summary line; --text prints every screen",
            "the engine shows. Outside service hours the demo runs on a simulated clock at 10:00 Japan time."
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

    @Option(
            names = "--text",
            description = "Walk through one transaction as text (every screen the engine shows), no window.")
    boolean text;

    @Option(
            names = "--kiosk-mode",
            description = "Window mode: full screen, undecorated, cursor hidden, no exit shortcuts (stop with Ctrl+C).")
    boolean kioskMode;

    @Option(
            names = "--live-css",
            description = "Window mode: reload the stylesheets from kiosk-app/src/main/resources when they are saved.")
    boolean liveCss;

    @Override
    public Integer call() {
        if (!smoke && !text) {
            return windowed(System.out);
        }
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
            try (KioskAssembly kiosk = assemble(cfg, options, dir, temporary)) {
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

    /** The touchscreen and the simulator control window, every simulator in-process. */
    private int windowed(PrintStream out) {
        java.util.Optional<String> noDisplay = KioskDesktop.displayProblem();
        if (noDisplay.isPresent()) {
            out.println("kiosk demo: cannot open the touchscreen window: " + noDisplay.get() + ".");
            out.println(
                    "  Run `./kiosk demo --smoke` (headless, one line) or `./kiosk demo --text` for a text walk-through,");
            out.println("  or give it a virtual display: `xvfb-run -s '-screen 0 1920x1080x24' ./kiosk demo`.");
            return 2;
        }
        KioskConfigLoader loader = new KioskConfigLoader(System.getProperty("user.home"));
        KioskConfig cfg = config == null ? loader.defaults() : loader.load(config);
        Path dir = data;
        boolean temporary = dir == null;
        try {
            if (temporary) {
                dir = Files.createTempDirectory("madoguchi-demo");
            }
            Clock clock = demoClock(Clock.systemUTC());
            if (!clock.equals(Clock.systemUTC())) {
                out.println("(outside service hours: the demo runs on a simulated clock at " + clock.instant() + ")");
            }
            KioskAssembly.Options options = KioskAssembly.Options.defaults()
                    .withDataDir(dir)
                    .withClock(clock)
                    .withCertificatePrinter(printer);
            UiSettings settings =
                    UiSettings.from(cfg).withFullScreen(kioskMode || cfg.ui().fullScreen());
            if (config == null) {
                settings = settings.withLanguages(jp.madoguchi.kiosk.ui.UiText.shippedLanguages()); // show them all
            }
            if (liveCss) {
                Path sources =
                        Path.of(System.getProperty("madoguchi.home", "."), "kiosk-app", "src", "main", "resources");
                settings = settings.withLiveCss(Files.isDirectory(sources) ? sources : null);
            }
            Path dataDir = dir;
            // The window opens at once; the kiosk is assembled meanwhile (home says 準備中 until then).
            return KioskDesktop.runWhileAssembling(
                    () -> assemble(cfg, options, dataDir, temporary), kiosk -> {}, settings, true, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (temporary && dir != null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * Builds the kiosk; on a temporary data directory the simulators' PKI comes from the cache beside
     * the build when there is one (and fills it on the first run), instead of new RSA keys each time.
     */
    static KioskAssembly assemble(KioskConfig cfg, KioskAssembly.Options options, Path dir, boolean temporary) {
        java.util.Optional<SimulatorPkiCache> cache = temporary
                ? SimulatorPkiCache.besideBuild(System.getProperty("madoguchi.home"))
                : java.util.Optional.empty();
        Path simDir = dir.resolve("sim");
        cache.ifPresent(c -> c.seed(simDir));
        KioskAssembly kiosk = KioskAssembly.build(cfg, options);
        cache.ifPresent(c -> c.keep(simDir));
        return kiosk;
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
