package jp.madoguchi.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.clerk.ui.ClerkWindow;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.counter.CounterWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk clerk ui}: the clerk screens on a kiosk of their own, to try them or train clerks. */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Opens the clerk screens (JavaFX) on a kiosk assembled from --config, on its journal",
            "(kiosk.dataDir, or --data); with neither option, a simulated practice kiosk in a temporary",
            "directory. Never run it beside another kiosk process on the same data directory.",
            "Needs a display (or xvfb-run)."
        })
public final class ClerkUiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Option(
            names = "--maintenance-key",
            description = "Start with the maintenance key turned (for a laptop without the key switch).")
    boolean key;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            out.println("no display: run it on the kiosk's screen, or `xvfb-run ./kiosk clerk ui`");
            return 2;
        }
        KioskConfig config = where.loadConfig();
        // --data, else the configuration's kiosk.dataDir; with neither, a fresh practice kiosk.
        boolean temporary = where.data == null && where.config == null;
        Path dir = temporary ? Files.createTempDirectory("madoguchi-clerk") : where.dataDir(config);
        Clock clock = DemoCommand.demoClock(Clock.systemUTC());
        try (KioskAssembly kiosk = KioskAssembly.build(
                config, KioskAssembly.Options.defaults().withDataDir(dir).withClock(clock))) {
            Optional<CounterWindow> counter = kiosk.counterLane().map(lane -> {
                CounterWindow w =
                        new CounterWindow(id -> Optional.of(kiosk.journal().balance(id)));
                w.serve(lane);
                return w;
            });
            if (key) {
                kiosk.clerkMode().access().keySwitch(true);
            }
            CountDownLatch closed = new CountDownLatch(1);
            Platform.startup(() -> {
                ClerkWindow window = new ClerkWindow(
                        kiosk.clerkMode(), counter, dir.resolve("statements"), Path.of("/media/usb0"), clock);
                Stage stage = new Stage();
                stage.setOnHidden(e -> {
                    window.close();
                    closed.countDown();
                });
                window.showIn(stage);
            });
            out.println("clerk screens open (data " + dir + "); close the window to stop");
            out.flush();
            closed.await();
            Platform.exit();
        } finally {
            if (temporary) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }
}
