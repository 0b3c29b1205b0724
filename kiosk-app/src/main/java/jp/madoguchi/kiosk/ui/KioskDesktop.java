package jp.madoguchi.kiosk.ui;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.ui.simcontrol.SimulatorControlView;
import jp.madoguchi.kiosk.ui.simcontrol.SimulatorControlViewModel;

/**
 * Runs the touchscreen as a desktop program: starts the JavaFX toolkit, opens the kiosk window
 * (and, for the demo, the simulator control window) and blocks until the kiosk window closes.
 */
public final class KioskDesktop {
    private KioskDesktop() {}

    /**
     * Why no window can be opened here, if that is so (no X11 or Wayland display on Linux).
     * JavaFX would otherwise fail deep inside its toolkit start.
     */
    public static Optional<String> displayProblem() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return Optional.empty(); // headless Monocle needs no display
        }
        boolean x11 = notBlank(System.getenv("DISPLAY"));
        boolean wayland = notBlank(System.getenv("WAYLAND_DISPLAY"));
        return x11 || wayland
                ? Optional.empty()
                : Optional.of("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Opens the kiosk for {@code kiosk} and waits until its window is closed (in kiosk mode: until
     * the process is stopped).
     *
     * @return 0 when closed normally
     */
    public static int run(KioskAssembly kiosk, UiSettings settings, boolean controlWindow, PrintStream out)
            throws InterruptedException {
        return run(() -> kiosk, k -> {}, settings, controlWindow, out, false);
    }

    /**
     * Opens the touchscreen at once and assembles the kiosk meanwhile on this thread: the home
     * screen appears while the journal, center link, card reader and printers start, its start
     * button saying "準備中" until they are up (a tap meanwhile is kept). Then {@code ready} sees the
     * assembly (e.g. to print what start-up recovery did), the window follows its engine, and this
     * waits until the window is closed. The assembly is closed here, after the window.
     *
     * @return 0 when closed normally, 1 if the kiosk could not be assembled or the window not opened
     */
    public static int runWhileAssembling(
            Supplier<KioskAssembly> assemble,
            Consumer<KioskAssembly> ready,
            UiSettings settings,
            boolean controlWindow,
            PrintStream out)
            throws InterruptedException {
        return run(assemble, ready, settings, controlWindow, out, true);
    }

    private static int run(
            Supplier<KioskAssembly> assemble,
            Consumer<KioskAssembly> ready,
            UiSettings settings,
            boolean controlWindow,
            PrintStream out,
            boolean ownsAssembly)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<KioskWindow> window = new AtomicReference<>();
        SoundVoice voice = new SoundVoice();
        java.util.concurrent.CompletableFuture<KioskWindow> opened = new java.util.concurrent.CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                window.set(KioskWindow.openBeforeDevices(stage, settings, voice));
                opened.complete(window.get());
            } catch (RuntimeException e) {
                failure.set(e);
                opened.complete(null);
                closed.countDown();
            }
        });
        KioskAssembly kiosk = null;
        try {
            awaitHome(opened);
            kiosk = assemble.get();
            ready.accept(kiosk);
            KioskAssembly assembled = kiosk;
            Platform.runLater(() -> {
                try {
                    KioskWindow w = window.get();
                    if (w == null) {
                        return; // the window failed to open; reported below
                    }
                    w.devicesReady(assembled.engine());
                    ClerkEntry.install(
                            w,
                            assembled,
                            settings.fullScreen(),
                            assembled.journalFile().getParent().resolve("statements"),
                            assembled.clock());
                    if (controlWindow) {
                        openControlWindow(assembled, closed);
                    }
                } catch (RuntimeException e) {
                    failure.set(e);
                    closed.countDown();
                }
            });
            out.println("kiosk: the touchscreen is open"
                    + (controlWindow ? " with the simulator control window" : "")
                    + "; close a window to stop.");
            closed.await();
        } catch (RuntimeException e) {
            out.println("kiosk: the kiosk could not start: " + e.getMessage());
            failure.set(e); // the window goes, the error is reported
        } finally {
            CountDownLatch exited = new CountDownLatch(1);
            Platform.runLater(() -> {
                if (window.get() != null) {
                    window.get().close();
                    window.get().stage().hide();
                }
                exited.countDown();
            });
            exited.await();
            voice.close();
            Platform.exit();
            if (ownsAssembly && kiosk != null) {
                kiosk.close();
            }
        }
        if (failure.get() != null) {
            out.println("kiosk: the touchscreen could not open: " + failure.get());
            return 1;
        }
        return 0;
    }

    /**
     * Waits (a bounded time) until the home screen has been laid out before the kiosk is assembled:
     * on two cores the assembly's threads (and the JIT compiling for them) would otherwise take most
     * of the CPU the first screen needs, and the resident would wait longer for the home screen
     * while the devices are ready no sooner.
     */
    private static void awaitHome(java.util.concurrent.CompletableFuture<KioskWindow> opened)
            throws InterruptedException {
        try {
            KioskWindow w = opened.get(10, java.util.concurrent.TimeUnit.SECONDS);
            if (w != null) {
                w.homeLaidOut().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // no window yet (slow or failed): assemble anyway; a failure is reported later
        }
    }

    private static void openControlWindow(KioskAssembly kiosk, CountDownLatch closed) {
        SimulatorControlViewModel model = new SimulatorControlViewModel(kiosk);
        kiosk.engine().addListener(s -> Platform.runLater(() -> model.engineChanged(s)));
        model.engineChanged(kiosk.engine().snapshot());
        Stage controls = new Stage();
        controls.setTitle("Madoguchi simulators");
        controls.setScene(new Scene(new SimulatorControlView(model).root(), 560, 720));
        controls.setX(20);
        controls.setY(20);
        controls.setOnHidden(e -> closed.countDown());
        controls.show();
    }
}
