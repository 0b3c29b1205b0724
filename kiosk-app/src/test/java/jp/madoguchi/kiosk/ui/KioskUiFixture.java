package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSettings;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One simulated kiosk with its touchscreen open on a headless (Monocle) stage, and the hands of
 * a resident: tap a button of the real scene, place and take the card, insert money.
 */
final class KioskUiFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    /** A weekday at 10:00 Japan time, running: inside every service window of the simulators. */
    static Clock daytimeClock() {
        return jp.madoguchi.kiosk.SharedCenter.daytimeClock();
    }

    final KioskAssembly kiosk;
    final CenterSimulator center;
    final CardIssuer issuer;
    final RecordingVoice voice = new RecordingVoice();
    final FxRobot robot = new FxRobot();
    KioskWindow window;

    KioskUiFixture(Path dataDir, String kioskId, CenterSimulator center, CardIssuer issuer, UiSettings ui)
            throws Exception {
        this.center = center;
        this.issuer = issuer;
        KioskConfig config = new KioskConfigLoader(dataDir.toString()).defaults();
        config = new KioskConfig(
                new KioskConfig.Kiosk(kioskId, config.kiosk().deployment(), dataDir),
                config.card(),
                config.center(),
                config.printers(),
                config.payment(),
                config.ledger(),
                config.hours(),
                config.ui());
        this.kiosk = KioskAssembly.build(
                config,
                KioskAssembly.Options.defaults()
                        .withDataDir(dataDir)
                        .withClock(daytimeClock())
                        .withSettings(EngineSettings.defaults())
                        .withSharedCenter(center, issuer));
        UiSettings settings = ui != null ? ui : UiSettings.from(config);
        FxToolkit.setupStage(stage -> window = KioskWindow.open(stage, kiosk.engine(), settings, voice));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static UiSettings settings(Duration idleWarning, Duration idleCountdown, Duration hold) {
        KioskConfig config = new KioskConfigLoader(System.getProperty("java.io.tmpdir")).defaults();
        return UiSettings.from(config).withTimers(idleWarning, idleCountdown, hold);
    }

    // ---- the resident's hands --------------------------------------------------------------

    SimulatedCard cardOf(String residentId) {
        return issuer.issue(CatalogueCardholders.cardholderOf(
                center.catalogue().find(residentId).orElseThrow()));
    }

    void placeCard(SimulatedCard card) throws Exception {
        kiosk.cardSlot().orElseThrow().insert(card);
        kiosk.engine().cardInserted().get(30, TimeUnit.SECONDS);
    }

    void takeCard() throws Exception {
        kiosk.cardSlot().orElseThrow().remove();
        kiosk.engine().cardRemoved().get(30, TimeUnit.SECONDS);
    }

    void insert(long yen) {
        assertThat(kiosk.cashAcceptor().orElseThrow().insert(Yen.of(yen)))
                .as("the acceptor took " + yen)
                .isTrue();
    }

    /** Touches the button {@code id} of the real scene (it must be showing and enabled). */
    void tap(String id) {
        await().atMost(WAIT)
                .until(() -> fx(() -> {
                    Node n = window.scene().lookup("#" + id);
                    return n instanceof Button b && b.isVisible() && !b.isDisabled() && b.getScene() != null;
                }));
        WaitForAsyncUtils.waitForAsyncFx(
                WAIT.toMillis(), () -> ((Button) window.scene().lookup("#" + id)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the button {@code id} with the (Monocle) mouse, as a finger would. */
    void click(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types a PIN on the pad, then OK. */
    void typePin(String pin) {
        awaitScreen(ScreenId.PIN);
        for (char c : pin.toCharArray()) {
            tap("pin-key-" + c);
        }
        tap("pin-ok");
    }

    /** Types a PIN on the pad with the (Monocle) mouse, as a finger would, then OK. */
    void typePinWithMouse(String pin) {
        awaitScreen(ScreenId.PIN);
        for (char c : pin.toCharArray()) {
            click("pin-key-" + c);
        }
        click("pin-ok");
    }

    // ---- what the resident sees ------------------------------------------------------------

    ScreenId screen() {
        return fx(() -> window.router().current());
    }

    void awaitScreen(ScreenId id) {
        await().atMost(WAIT).until(this::screen, s -> s == id);
    }

    EngineSnapshot snapshot() {
        return kiosk.engine().snapshot();
    }

    /** The text of the labeled node {@code id}. */
    String text(String id) {
        return fx(() -> {
            Node n = window.scene().lookup("#" + id);
            assertThat(n).as("#" + id).isNotNull();
            return ((Labeled) n).getText();
        });
    }

    boolean showing(String id) {
        return fx(() -> {
            Node n = window.scene().lookup("#" + id);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    /** Every text shown in the scene, joined (for "nothing of the resident is left" checks). */
    String allText() {
        return fx(() -> {
            StringBuilder b = new StringBuilder();
            collect(window.scene().getRoot(), b);
            return b.toString();
        });
    }

    private static void collect(Node node, StringBuilder b) {
        if (node instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, b);
            }
        }
    }

    /** The font family the node {@code id} is drawn with (after CSS). */
    String fontFamily(String id) {
        return fx(() -> {
            Node n = window.scene().lookup("#" + id);
            n.applyCss();
            return ((Labeled) n).getFont().getFamily();
        });
    }

    void language(String code) {
        tap("language-" + code);
    }

    /** The repository's docs directory (tests run in kiosk-app/). */
    static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        Path docs = here.resolveSibling("docs");
        return Files.isDirectory(docs) ? docs : here.resolve("docs");
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> said() {
        return voice.said.stream().map(Enum::name).toList();
    }

    @Override
    public void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.waitForAsyncFx(WAIT.toMillis(), () -> window.close());
        }
        kiosk.close();
        FxToolkit.cleanupStages();
    }
}
