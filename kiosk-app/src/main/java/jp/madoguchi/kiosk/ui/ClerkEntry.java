package jp.madoguchi.kiosk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.clerk.ClerkAccess;
import jp.madoguchi.kiosk.clerk.ui.ClerkWindow;
import jp.madoguchi.kiosk.counter.CounterWindow;
import jp.madoguchi.kiosk.transaction.TransactionState;

/**
 * How store staff reach the clerk screens on the running kiosk: turning the maintenance key
 * (GPIO) opens them at once; holding the top-left corner of the touchscreen for three seconds
 * while no resident is being served opens the clerk PIN screen. The clerk screens cover the
 * resident's touchscreen until the clerk leaves (or turns the key back); they never show a
 * resident's data.
 */
public final class ClerkEntry {
    /** How long the hidden corner must be held. */
    public static final Duration HOLD = Duration.seconds(3);

    /** The size of the hidden corner, in scene pixels. */
    static final double CORNER = 96;

    private final KioskAssembly kiosk;
    private final Stage owner;
    private final boolean fullScreen;
    private final Path statementDir;
    private final Clock clock;
    private Stage stage;
    private ClerkWindow window;

    private ClerkEntry(KioskAssembly kiosk, Stage owner, boolean fullScreen, Path statementDir, Clock clock) {
        this.kiosk = kiosk;
        this.owner = owner;
        this.fullScreen = fullScreen;
        this.statementDir = statementDir;
        this.clock = clock;
    }

    /**
     * Installs the hidden corner on {@code window}'s scene and follows the kiosk's clerk access
     * (key switch). Call on the FX thread.
     */
    public static ClerkEntry install(
            KioskWindow window, KioskAssembly kiosk, boolean fullScreen, Path statementDir, Clock clock) {
        ClerkEntry entry = new ClerkEntry(kiosk, window.stage(), fullScreen, statementDir, clock);
        entry.watchCorner(window.scene());
        kiosk.clerkMode().access().addListener(open -> Platform.runLater(() -> entry.accessChanged(open)));
        return entry;
    }

    private void watchCorner(Scene scene) {
        PauseTransition hold = new PauseTransition(HOLD);
        hold.setOnFinished(e -> openFromCorner());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getSceneX() <= CORNER && e.getSceneY() <= CORNER) {
                hold.playFromStart();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> hold.stop());
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getSceneX() > CORNER || e.getSceneY() > CORNER) {
                hold.stop();
            }
        });
    }

    /** The corner was held: open the PIN screen, unless a resident is being served. */
    void openFromCorner() {
        if (kiosk.engine().snapshot().state() != TransactionState.IDLE) {
            return; // a resident's transaction is never interrupted by staff
        }
        show();
    }

    private void accessChanged(boolean open) {
        if (open) {
            show();
        } else {
            hide();
        }
    }

    /** Whether the clerk screens are showing. */
    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** The clerk screens while they show (tests drive them). */
    public Optional<ClerkWindow> window() {
        return isShowing() ? Optional.of(window) : Optional.empty();
    }

    private void show() {
        if (isShowing()) {
            return;
        }
        Optional<CounterWindow> counter = kiosk.counterLane().map(lane -> {
            CounterWindow w =
                    new CounterWindow(id -> Optional.of(kiosk.journal().balance(id)));
            w.serve(lane);
            return w;
        });
        window = new ClerkWindow(kiosk.clerkMode(), counter, statementDir, Path.of("/media/usb0"), clock);
        window.onDismiss(this::hide);
        stage = new Stage();
        stage.initOwner(owner);
        stage.setOnHidden(e -> window.close());
        window.showIn(stage);
        if (fullScreen) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
    }

    private void hide() {
        ClerkAccess access = kiosk.clerkMode().access();
        if (access.isOpen() && access.openedBy() == ClerkAccess.Entry.PIN) {
            access.leave();
        }
        if (stage != null) {
            stage.hide();
            stage = null;
        }
    }
}
