package jp.madoguchi.kiosk.ui;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<KioskWindow> window = new AtomicReference<>();
        SoundVoice voice = new SoundVoice();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                KioskWindow w = KioskWindow.open(stage, kiosk.engine(), settings, voice);
                window.set(w);
                ClerkEntry.install(
                        w,
                        kiosk,
                        settings.fullScreen(),
                        kiosk.journalFile().getParent().resolve("statements"),
                        kiosk.clock());
                if (controlWindow) {
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
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        });
        out.println("kiosk: the touchscreen is open" + (controlWindow ? " with the simulator control window" : "")
                + "; close a window to stop.");
        closed.await();
        CountDownLatch exited = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (window.get() != null) {
                window.get().close();
            }
            exited.countDown();
        });
        exited.await();
        voice.close();
        Platform.exit();
        if (failure.get() != null) {
            out.println("kiosk: the touchscreen could not open: " + failure.get());
            return 1;
        }
        return 0;
    }
}
