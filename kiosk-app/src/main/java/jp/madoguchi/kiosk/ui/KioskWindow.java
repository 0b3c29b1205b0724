package jp.madoguchi.kiosk.ui;

import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionEngine;

/**
 * The resident's touchscreen on one {@link Stage}: one scene, the {@link KioskShell} frame, the
 * {@link ScreenRouter} driven by the engine's snapshots, theme and text size, the idle countdown,
 * voice prompts and the card-left alarm. In kiosk mode the stage is full screen, undecorated,
 * without cursor and without exit shortcuts; otherwise a 1280×800 window (dev mode, optionally
 * with live CSS reload).
 */
public final class KioskWindow implements AutoCloseable {
    /** The design resolution: a 10-inch 1280×800 touch panel. */
    public static final double WIDTH = 1280;

    public static final double HEIGHT = 800;

    private static final long ACTIVE_EVERY_NANOS = 5_000_000_000L;

    private final Stage stage;
    private final UiSettings settings;
    private final Voice voice;
    private final Journey journey = new Journey();
    private final ShellViewModel shell;
    private final KioskShell shellView;
    private final ScreenRouter router;
    private final IdleWatch idle;
    private final Scene scene;
    private final Theme theme;
    private final Timeline ticker;
    private final ResidentIntents intents;
    private DeferredEngineIntents deferred;
    private final java.util.concurrent.CompletableFuture<Void> homeLaidOut =
            new java.util.concurrent.CompletableFuture<>();
    private PauseTransition hold;
    private ScreenId lastScreen;
    private boolean alarmOn;
    private long lastActiveSent;
    private volatile boolean closed;

    private KioskWindow(
            Stage stage,
            ResidentIntents intents,
            UiSettings settings,
            Voice voice,
            Map<ScreenId, Screen.Factory> screens) {
        this.stage = stage;
        this.intents = intents;
        this.settings = settings;
        this.voice = voice;
        KioskFonts.load();
        ScreenContext context = new ScreenContext(journey, intents, settings);
        this.shell = new ShellViewModel(context);
        this.idle = new IdleWatch(settings.idleWarning(), settings.idleCountdown(), shell, this::idleExpired);
        this.shellView = new KioskShell(shell, () -> activity(true));
        this.scene = new Scene(shellView.root(), WIDTH, HEIGHT);
        this.theme = new Theme(scene, settings.liveCss() ? settings.cssSourceDir() : null);
        this.router = new ScreenRouter(context, shell, screens, shellView.screenHolder());
        applyTheme();
        shell.highContrast().addListener((o, a, b) -> applyTheme());
        shell.largeText().addListener((o, a, b) -> applyTheme());
        shell.text().addListener((o, a, b) -> {
            languageStyle();
            router.route();
        });
        languageStyle();
        journey.onChange(router::route);
        router.onRouted(this::routed);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> activity(false));
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> activity(false));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> activity(false));
        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> idle.tick(System.nanoTime())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /**
     * Opens the touchscreen for {@code engine} on {@code stage} (on the JavaFX thread) and shows
     * the engine's current state.
     */
    public static KioskWindow open(Stage stage, TransactionEngine engine, UiSettings settings, Voice voice) {
        KioskWindow window =
                new KioskWindow(stage, new EngineIntents(engine), settings, voice, ScreenCatalog.resident());
        engine.addListener(window::deliver);
        window.show();
        window.journey.accept(engine.snapshot());
        window.router.prebuildInIdleTime();
        return window;
    }

    /**
     * Opens the touchscreen on {@code stage} before the devices are up: the home screen is real
     * (hours, languages, what to bring) but its start button reads "準備中" and keeps a tap until
     * {@link #devicesReady(TransactionEngine)} hands over the engine. On the JavaFX thread.
     */
    public static KioskWindow openBeforeDevices(Stage stage, UiSettings settings, Voice voice) {
        DeferredEngineIntents intents = new DeferredEngineIntents();
        KioskWindow window = new KioskWindow(stage, intents, settings, voice, ScreenCatalog.resident());
        window.deferred = intents;
        window.journey.devicesReady(false);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (window.router.current() == ScreenId.HOME) {
                window.scene.removePostLayoutPulseListener(once[0]);
                window.homeLaidOut.complete(null);
            }
        };
        window.scene.addPostLayoutPulseListener(once[0]);
        window.show();
        window.router.route();
        return window;
    }

    /**
     * Completes at the end of the first pulse that lays out the home screen of a window opened with
     * {@link #openBeforeDevices} (the moment the resident can read it).
     */
    public java.util.concurrent.CompletionStage<Void> homeLaidOut() {
        return homeLaidOut;
    }

    /**
     * The devices are up: the window follows {@code engine} from now on, takes the step the
     * resident asked for meanwhile, and builds the other screens in idle time. On the JavaFX
     * thread; only for a window opened with {@link #openBeforeDevices}.
     */
    public void devicesReady(TransactionEngine engine) {
        if (deferred == null) {
            throw new IllegalStateException("this window was opened with its engine");
        }
        engine.addListener(this::deliver);
        journey.accept(engine.snapshot());
        deferred.engineReady(engine);
        journey.devicesReady(true);
        router.prebuildInIdleTime();
    }

    /**
     * Opens the touchscreen on {@code stage} sending the resident's touches to {@code intents},
     * without an engine: the caller feeds {@link #journey()} with snapshots (the screen gallery
     * renders every screen this way). On the JavaFX thread.
     */
    public static KioskWindow open(Stage stage, ResidentIntents intents, UiSettings settings, Voice voice) {
        KioskWindow window = new KioskWindow(stage, intents, settings, voice, ScreenCatalog.resident());
        window.show();
        window.router.route();
        return window;
    }

    /** Hands a snapshot from the engine's thread to the screen. */
    private void deliver(EngineSnapshot s) {
        if (!closed) {
            Platform.runLater(() -> {
                if (!closed) {
                    journey.accept(s);
                }
            });
        }
    }

    private void show() {
        stage.setScene(scene);
        if (settings.fullScreen()) {
            if (!stage.isShowing()) {
                stage.initStyle(StageStyle.UNDECORATED);
            }
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
            scene.setCursor(Cursor.NONE);
            stage.setOnCloseRequest(e -> e.consume());
            // No Alt+F4, Ctrl+W, Ctrl+Q and the like reach the application; the OS kiosk session
            // must disable its own shortcuts (see docs/ui-walkthrough.md).
            scene.addEventFilter(KeyEvent.ANY, e -> {
                if (e.isAltDown() || e.isControlDown() || e.isMetaDown() || e.isShortcutDown()) {
                    e.consume();
                }
            });
        } else {
            stage.setTitle("Madoguchi kiosk");
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
        }
        stage.show();
    }

    /** Marks the root with the language ({@code lang-vi} ...): the stylesheet picks the typeface by it. */
    private void languageStyle() {
        scene.getRoot().getStyleClass().removeIf(c -> c.startsWith("lang-"));
        scene.getRoot().getStyleClass().add("lang-" + shell.text().get().language());
    }

    private void applyTheme() {
        theme.apply(shell.highContrast().get(), shell.textScale());
    }

    private void activity(boolean answeredCountdown) {
        long now = System.nanoTime();
        idle.touched(now);
        if (journey.inTransaction() && (answeredCountdown || now - lastActiveSent > ACTIVE_EVERY_NANOS)) {
            lastActiveSent = now;
            intents.residentActive();
        }
    }

    private void idleExpired() {
        if (journey.inTransaction()) {
            intents.timeout();
        } else {
            journey.goTo(ScreenId.HOME);
        }
    }

    private void routed(ScreenId id) {
        boolean changed = id != lastScreen;
        ScreenId previous = lastScreen;
        lastScreen = id;
        EngineSnapshot s = journey.snapshot();
        if (changed) {
            idle.arm(ShellViewModel.WAITING_FOR_RESIDENT.contains(id), System.nanoTime());
            String language = shell.text().get().language();
            switch (id) {
                case PLACE_CARD -> voice.say(Voice.Prompt.PLACE_CARD, language);
                case PIN -> voice.say(Voice.Prompt.ENTER_PIN, language);
                case TAKE_OUT -> voice.say(Voice.Prompt.TAKE_PAPER, language);
                case HOME -> {
                    if (previous == ScreenId.THANKS
                            || previous == ScreenId.ENDED
                            || previous == ScreenId.CONSENT
                            || previous == ScreenId.PLACE_CARD) {
                        shell.resetLanguage(); // the next resident starts in the default language
                    }
                }
                default -> {}
            }
        }
        boolean alarm = id == ScreenId.TAKE_OUT && s.cardLeftAlarm();
        if (alarm != alarmOn) {
            alarmOn = alarm;
            if (alarm) {
                voice.say(Voice.Prompt.TAKE_CARD, shell.text().get().language());
            }
            voice.alarm(alarm);
        }
        boolean holding = (id == ScreenId.THANKS || id == ScreenId.ENDED)
                && s.state() == jp.madoguchi.kiosk.transaction.TransactionState.IDLE;
        if (holding && hold == null) {
            hold = new PauseTransition(Duration.millis(settings.endingHold().toMillis()));
            hold.setOnFinished(e -> {
                hold = null;
                journey.startOver();
            });
            hold.play();
        } else if (!holding && hold != null) {
            hold.stop();
            hold = null;
        }
    }

    /** Calls {@code listener} after every route (the bench measures screen changes with it). */
    public void onRouted(Consumer<ScreenId> listener) {
        router.onRouted(listener);
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    public Journey journey() {
        return journey;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ScreenRouter router() {
        return router;
    }

    /** Stops timers and sound; the stage is left to the caller. Call on the JavaFX thread. */
    @Override
    public void close() {
        closed = true;
        ticker.stop();
        if (hold != null) {
            hold.stop();
        }
        theme.close();
        voice.alarm(false);
    }
}
