package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatorPkiCache;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.ui.KioskDesktop;
import jp.madoguchi.kiosk.ui.KioskWindow;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.UiSettings;
import jp.madoguchi.kiosk.ui.Voice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk bench ui}: how fast the touchscreen is, as figures (not a pass/fail test). Cold
 * start is measured from the JVM's start to the end of the first pulse that lays out the home
 * screen, started exactly as {@code kiosk demo} starts it: the window opens first (home reads
 * 準備中), then the all-simulated kiosk is assembled and handed to it; the bench also prints when
 * that happened ("start button live") and the process's CPU time, which a loaded machine inflates
 * far less than wall time. A screen change is measured on the JavaFX thread from the moment the
 * change starts (a snapshot from the engine is taken, or a button fires) to the end of the pulse
 * that lays out the new screen, over whole journeys driven through the real engine.
 */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Touchscreen figures: cold start to the home screen and screen-change times (goal: < 3 s and < 100 ms).",
            "Needs a display; on a server run it under xvfb-run."
        })
public final class BenchUiCommand implements Callable<Integer> {
    @Option(
            names = "--journeys",
            defaultValue = "5",
            description = "Resident journeys to time (default ${DEFAULT-VALUE}).")
    int journeys;

    private final Map<ScreenId, List<Double>> changes = new EnumMap<>(ScreenId.class);

    @Override
    public Integer call() throws Exception {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainNanos = System.nanoTime();
        long mainMillis = System.currentTimeMillis();
        PrintStream out = System.out;
        Optional<String> noDisplay = KioskDesktop.displayProblem();
        KioskConfig cfg = new KioskConfigLoader(System.getProperty("user.home")).defaults();
        if (noDisplay.isPresent()) {
            out.println("bench ui: " + noDisplay.get()
                    + ". Run it with a virtual display: xvfb-run -s '-screen 0 1920x1080x24' ./kiosk bench ui");
            return 2;
        }
        Platform.setImplicitExit(false);
        long[] toolkitAt = new long[1];
        long[] cpuAtHome = new long[1];
        CompletableFuture<Long> homeShown = new CompletableFuture<>();
        KioskWindow[] window = new KioskWindow[1];
        // As in `kiosk demo`: the window opens at once, home says 準備中 until the kiosk is assembled.
        Platform.startup(() -> {
            toolkitAt[0] = System.nanoTime();
            try {
                window[0] = KioskWindow.openBeforeDevices(new Stage(), UiSettings.from(cfg), Voice.silent());
                Scene scene = window[0].scene();
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    if (window[0].router().current() == ScreenId.HOME) {
                        scene.removePostLayoutPulseListener(once[0]);
                        cpuAtHome[0] = processCpuMillis();
                        homeShown.complete(System.nanoTime());
                    }
                };
                scene.addPostLayoutPulseListener(once[0]);
            } catch (RuntimeException e) {
                homeShown.completeExceptionally(e);
            }
        });
        // As in `kiosk demo`: the kiosk is assembled once the home screen has been laid out.
        long home = homeShown.get(60, TimeUnit.SECONDS);
        double jvmToMain = mainMillis - jvmStartMillis;
        // Printed at once, so that a script timing the launcher from outside sees the home screen's moment.
        out.printf(
                "bench ui: cold start %.0f ms (JVM start to home screen laid out)%n", jvmToMain + ms(home - mainNanos));
        out.flush();
        Path dir = Files.createTempDirectory("madoguchi-bench-ui");
        boolean pkiCached = SimulatorPkiCache.besideBuild(System.getProperty("madoguchi.home"))
                .map(c -> c.seed(dir.resolve("sim")))
                .orElse(false);
        try (KioskAssembly kiosk = DemoCommand.assemble(
                cfg,
                KioskAssembly.Options.defaults()
                        .withDataDir(dir)
                        .withClock(DemoCommand.demoClock(java.time.Clock.systemUTC())),
                dir,
                true)) {
            long assembled = System.nanoTime();
            long cpuAtAssembled = processCpuMillis();
            CompletableFuture<Long> usable = new CompletableFuture<>();
            Platform.runLater(() -> {
                window[0].devicesReady(kiosk.engine());
                usable.complete(System.nanoTime());
            });
            long live = usable.get(60, TimeUnit.SECONDS);
            out.printf(
                    "  JVM start to main %.0f ms, toolkit up %.0f ms, window to home %.0f ms%n",
                    jvmToMain, ms(toolkitAt[0] - mainNanos), ms(home - toolkitAt[0]));
            out.printf(
                    "  then: kiosk assembled (journal, simulated center/card/printers; simulator PKI %s)"
                            + " %.0f ms after main; start button live %.0f ms after JVM start%n",
                    pkiCached ? "from the cache" : "generated",
                    ms(assembled - mainNanos),
                    jvmToMain + ms(live - mainNanos));
            // CPU time does not grow with the machine's load the way wall time does: compare these across runs.
            out.printf(
                    "  process CPU (all threads, JIT and GC included): %d ms at home laid out, %d ms at kiosk assembled%n",
                    cpuAtHome[0], cpuAtAssembled);

            for (int i = 0; i < journeys; i++) {
                journey(kiosk, window[0]);
            }
            out.printf(
                    "bench ui: screen changes over %d journeys (change start to new screen laid out, ms)%n", journeys);
            out.printf("  %-11s %5s %8s %8s %8s%n", "screen", "n", "median", "p95", "max");
            List<Double> all = new ArrayList<>();
            for (Map.Entry<ScreenId, List<Double>> e : changes.entrySet()) {
                List<Double> v = new ArrayList<>(e.getValue());
                all.addAll(v);
                print(out, e.getKey().name(), v);
            }
            print(out, "all", all);
            CountDownLatch closed = new CountDownLatch(1);
            Platform.runLater(() -> {
                window[0].close();
                window[0].stage().close();
                closed.countDown();
            });
            closed.await(10, TimeUnit.SECONDS);
        } finally {
            Platform.exit();
            deleteTree(dir);
        }
        return 0;
    }

    /** One resident through the real engine: home, notes, card, PIN, menu, copies, confirm, pay, print, card out. */
    private void journey(KioskAssembly kiosk, KioskWindow window) throws Exception {
        timedTap(window, "start", ScreenId.CONSENT);
        timedTap(window, "agree", ScreenId.PLACE_CARD);
        kiosk.cardSlot().orElseThrow().insert(kiosk.residentCard().orElseThrow());
        timedEngine(window, () -> kiosk.engine().cardInserted(), ScreenId.PIN);
        for (char c : "1234".toCharArray()) {
            fx(() -> press(window, "pin-key-" + c));
        }
        timedEngine(window, tap(window, "pin-ok"), ScreenId.MENU);
        timedTap(window, "menu-RESIDENCE_RECORD", ScreenId.OPTIONS);
        timedTap(window, "options-next", ScreenId.COPIES);
        timedEngine(window, tap(window, "copies-next"), ScreenId.CONFIRM);
        timedEngine(window, tap(window, "confirm-pay"), ScreenId.PAYMENT);
        timedEngine(
                window,
                () -> {
                    kiosk.cashAcceptor().orElseThrow().insert(Yen.of(1000));
                    return CompletableFuture.completedFuture(null);
                },
                ScreenId.TAKE_OUT);
        kiosk.cardSlot().orElseThrow().remove();
        timedEngine(window, () -> kiosk.engine().cardRemoved(), ScreenId.THANKS);
        timedTap(window, "thanks-home", ScreenId.HOME);
    }

    private static Callable<CompletableFuture<?>> tap(KioskWindow window, String id) {
        return () -> {
            fx(() -> press(window, id));
            return CompletableFuture.completedFuture(null);
        };
    }

    private void timedTap(KioskWindow window, String id, ScreenId expected) throws Exception {
        CompletableFuture<Double> took = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            arm(window, expected, t0, took);
            press(window, id);
        });
        record(expected, took.get(30, TimeUnit.SECONDS));
    }

    /**
     * Sends an engine intent and times the screen change from the moment the FX thread takes the
     * snapshot that leads to {@code expected} (engine time is the engine bench's business).
     */
    private void timedEngine(KioskWindow window, Callable<CompletableFuture<?>> intent, ScreenId expected)
            throws Exception {
        CompletableFuture<Double> took = new CompletableFuture<>();
        Runnable probe = () -> {
            // runs right after the router put the screen on; timed from the start of that route
            if (window.router().current() == expected && !took.isDone()) {
                arm(window, expected, window.router().lastRouteStart(), took);
            }
        };
        fx(() -> window.journey().onChange(probe));
        try {
            intent.call().get(60, TimeUnit.SECONDS);
            record(expected, took.get(60, TimeUnit.SECONDS));
        } finally {
            fx(() -> window.journey().removeOnChange(probe));
        }
    }

    /** Completes {@code took} at the end of the first pulse that lays out {@code expected}. */
    private static void arm(KioskWindow window, ScreenId expected, long t0, CompletableFuture<Double> took) {
        Scene scene = window.scene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (window.router().current() == expected && !took.isDone()) {
                scene.removePostLayoutPulseListener(once[0]);
                took.complete(ms(System.nanoTime() - t0));
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void press(KioskWindow window, String id) {
        javafx.scene.Node n = window.scene().lookup("#" + id);
        if (!(n instanceof javafx.scene.control.Button b) || b.isDisabled()) {
            throw new IllegalStateException(
                    "no enabled button #" + id + " on " + window.router().current());
        }
        b.fire();
    }

    private void record(ScreenId screen, double millis) {
        changes.computeIfAbsent(screen, k -> new ArrayList<>()).add(millis);
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void print(PrintStream out, String name, List<Double> values) {
        if (values.isEmpty()) {
            return;
        }
        values.sort(Comparator.naturalOrder());
        out.printf(
                "  %-11s %5d %8.1f %8.1f %8.1f%n",
                name,
                values.size(),
                values.get(values.size() / 2),
                values.get(Math.min(values.size() - 1, (int) Math.ceil(values.size() * 0.95) - 1)),
                values.get(values.size() - 1));
    }

    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000
                : -1;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
