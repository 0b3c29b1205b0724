package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javax.imageio.ImageIO;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.UnavailableItem;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every screen of the journey, in Japanese and English, to {@code docs/screens/<lang>/}
 * (the walk-through in {@code docs/ui-walkthrough.md} shows them), from the snapshots the engine
 * publishes along a 住民票 order; and checks on each that every button is a 15 mm touch target.
 */
class ScreenGalleryTest {
    /** 15 mm on a 10-inch 1280×800 panel (150 dpi) is 89 px; the brief asks for about 94. */
    static final double MIN_TOUCH_PX = 94;

    static final MenuItem RESIDENCE = Snapshots.RESIDENCE;
    static final Menu MENU = new Menu(
            List.of(
                    RESIDENCE,
                    new MenuItem(
                            CertificateType.RESIDENCE_RECORD_ITEMS,
                            "992011",
                            List.of(IssuanceScope.SELF),
                            List.of(),
                            200,
                            10,
                            List.of()),
                    Snapshots.TAX_YEARS,
                    new MenuItem(
                            CertificateType.KOSEKI_FULL,
                            "992011",
                            List.of(IssuanceScope.SELF),
                            List.of(),
                            450,
                            5,
                            List.of()),
                    new MenuItem(
                            CertificateType.KOSEKI_INDIVIDUAL,
                            "992011",
                            List.of(IssuanceScope.SELF),
                            List.of(),
                            450,
                            5,
                            List.of())),
            List.of(
                    new UnavailableItem(CertificateType.SEAL_REGISTRATION, ErrorCode.SEAL_NOT_REGISTERED),
                    new UnavailableItem(CertificateType.KOSEKI_FUHYO, ErrorCode.NOT_OFFERED)));
    static final OrderItem ORDER = new OrderItem(
            CertificateType.RESIDENCE_RECORD,
            IssuanceScope.SELECTED_MEMBERS,
            List.of("m1"),
            List.of(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION),
            2);
    static final OrderItem TAX_ORDER = OrderItem.incomeTax(2024);

    KioskWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.close());
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void rendersEveryScreenOfTheJourney(String language) throws Exception {
        UiSettings settings =
                KioskUiFixture.settings(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(5));
        RecordingIntents intents = new RecordingIntents();
        FxToolkit.setupStage(stage -> window = KioskWindow.open(stage, intents, settings, Voice.silent()));
        on(() -> window.shell().selectLanguage(language));
        Journey j = window.journey();
        List<ScreenId> rendered = new ArrayList<>();

        shot(ScreenId.HOME, null, rendered);
        on(() -> j.goTo(ScreenId.CONSENT));
        shot(ScreenId.CONSENT, null, rendered);
        on(() -> j.goTo(ScreenId.PLACE_CARD));
        shot(ScreenId.PLACE_CARD, null, rendered);
        on(() -> j.accept(
                snap(TransactionState.CARD_PRESENT, "card.reading", 3, null, List.of(), 0, 0, 0, 0, 0, false)));
        shot(ScreenId.WORKING, null, rendered);
        on(() -> j.accept(snap(
                TransactionState.CARD_PRESENT, "pin.wrong.lastTry", 1, "WRONG_PIN", List.of(), 0, 0, 0, 0, 0, false)));
        tap("pin-key-1");
        tap("pin-key-2");
        shot(ScreenId.PIN, null, rendered);
        on(() -> j.accept(
                snap(TransactionState.AUTHENTICATED, "menu.choose", 3, null, List.of(), 0, 0, 0, 0, 0, false)));
        shot(ScreenId.MENU, null, rendered);
        tap("menu-RESIDENCE_RECORD");
        tap("choice-SELECTED_MEMBERS");
        tap("choice-member-m1");
        tap("choice-HOUSEHOLD_HEAD_AND_RELATION");
        shot(ScreenId.OPTIONS, null, rendered);
        tap("options-next");
        tap("copies-more");
        shot(ScreenId.COPIES, null, rendered);
        tap("copies-next");
        assertThat(intents.orders).containsExactly(List.of(ORDER));
        on(() -> j.accept(
                snap(TransactionState.ORDER_CHOSEN, "fee.confirm", 3, null, List.of(ORDER), 0, 0, 0, 0, 0, false)));
        shot(ScreenId.CONFIRM, null, rendered);
        on(() -> j.accept(snap(
                TransactionState.FEE_CONFIRMED, "payment.insert", 3, null, List.of(ORDER), 100, 0, 0, 0, 0, false)));
        shot(ScreenId.PAYMENT, null, rendered);
        on(() -> j.accept(
                snap(TransactionState.PRINTING, "printing.wait", 3, null, List.of(ORDER), 1000, 1, 0, 0, 0, false)));
        shot(ScreenId.PRINTING, null, rendered);
        on(() -> j.accept(
                snap(TransactionState.PRINTED, "card.leftAlarm", 3, null, List.of(ORDER), 1000, 2, 600, 0, 0, true)));
        shot(ScreenId.TAKE_OUT, null, rendered);
        on(() -> {
            j.accept(snap(
                    TransactionState.CARD_REMOVED, "card.take", 3, null, List.of(ORDER), 1000, 2, 600, 0, 0, false));
            j.accept(snap(TransactionState.DONE, "card.take", 3, null, List.of(ORDER), 1000, 2, 600, 0, 0, false));
            j.accept(EngineSnapshot.idle(Optional.empty()));
        });
        shot(ScreenId.THANKS, null, rendered);
        on(j::startOver);
        on(() -> window.shell().selectLanguage(language)); // home resets the language for the next resident

        // The endings: a printer jam after payment (money returned), and a locked PIN.
        on(() -> j.accept(
                snap(TransactionState.FEE_CONFIRMED, "payment.insert", 3, null, List.of(ORDER), 0, 0, 0, 0, 0, false)));
        on(() -> j.accept(snap(
                TransactionState.FAILED,
                "printing.failed",
                3,
                "PAPER_JAM",
                List.of(ORDER),
                1000,
                0,
                0,
                1000,
                0,
                false)));
        shot(ScreenId.ENDED, null, rendered);
        on(() -> j.accept(EngineSnapshot.idle(Optional.empty())));
        on(j::startOver);
        on(() -> window.shell().selectLanguage(language)); // home resets the language for the next resident
        on(() -> j.accept(
                snap(TransactionState.FAILED, "card.pinLocked", 0, "PIN_LOCKED", List.of(), 0, 0, 0, 0, 0, false)));
        shot(ScreenId.ENDED, "pin-locked", rendered);
        on(() -> j.accept(EngineSnapshot.idle(Optional.empty())));
        on(j::startOver);
        on(() -> window.shell().selectLanguage(language)); // home resets the language for the next resident

        // The idle countdown and the accessibility variants, over the menu.
        on(() -> j.accept(
                snap(TransactionState.AUTHENTICATED, "menu.choose", 3, null, List.of(), 0, 0, 0, 0, 0, false)));
        on(() -> {
            window.shell().countdownSecondsProperty().set(15);
            window.shell().countdownVisible().set(true);
        });
        shot(ScreenId.MENU, "idle-countdown", rendered);
        on(() -> {
            window.shell().countdownVisible().set(false);
            window.shell().highContrast().set(true);
            window.shell().largeText().set(true);
        });
        shot(ScreenId.MENU, "high-contrast-large-text", rendered);

        // The tax certificate: the resident picks an older fiscal year, and the confirmation says it.
        on(() -> {
            window.shell().highContrast().set(false);
            window.shell().largeText().set(false);
        });
        tap("menu-INCOME_TAX");
        tap("choice-year-2024");
        shot(ScreenId.OPTIONS, "tax-year", rendered);
        tap("options-next");
        tap("copies-next");
        assertThat(intents.orders).last().isEqualTo(List.of(TAX_ORDER));
        on(() -> j.accept(
                snap(TransactionState.ORDER_CHOSEN, "fee.confirm", 3, null, List.of(TAX_ORDER), 0, 0, 0, 0, 0, false)));
        shot(ScreenId.CONFIRM, "tax-year", rendered);

        assertThat(rendered).containsAll(List.of(ScreenId.values()));
    }

    private void shot(ScreenId expected, String variant, List<ScreenId> rendered) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(KioskUiFixture.fx(() -> window.router().current())).isEqualTo(expected);
        assertTouchTargets(expected);
        BufferedImage png =
                KioskUiFixture.fx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null));
        String language = KioskUiFixture.fx(() -> window.shell().text().get().language());
        Path dir = KioskUiFixture.docs().resolve("screens").resolve(language);
        Files.createDirectories(dir);
        String file =
                variant == null ? expected.fileName() : expected.fileName().replace(".png", "-" + variant + ".png");
        ImageIO.write(png, "png", dir.resolve(file).toFile());
        rendered.add(expected);
    }

    private void assertTouchTargets(ScreenId screen) {
        List<String> small = KioskUiFixture.fx(() -> {
            List<String> found = new ArrayList<>();
            collectSmallButtons(window.scene().getRoot(), found);
            return found;
        });
        assertThat(small).as("buttons under %s px on %s", MIN_TOUCH_PX, screen).isEmpty();
    }

    private static void collectSmallButtons(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Button b) {
            Bounds bounds = b.getLayoutBounds();
            if (bounds.getWidth() < MIN_TOUCH_PX || bounds.getHeight() < MIN_TOUCH_PX) {
                found.add(b.getId() + " " + (int) bounds.getWidth() + "x" + (int) bounds.getHeight());
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectSmallButtons(child, found);
            }
        }
    }

    private void tap(String id) {
        on(() -> {
            Node n = window.scene().lookup("#" + id);
            assertThat(n).as("#" + id).isInstanceOf(Button.class);
            ((Button) n).fire();
        });
    }

    private static void on(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static EngineSnapshot snap(
            TransactionState state,
            String key,
            int tries,
            String error,
            List<OrderItem> order,
            long inserted,
            int printed,
            long change,
            long refund,
            long owed,
            boolean alarm) {
        int copies = order.stream().mapToInt(OrderItem::copies).sum();
        return new EngineSnapshot(
                Optional.of("K0001-20260610-0042"),
                state,
                Optional.empty(),
                tries,
                Optional.of("東雲市"),
                state.isFinal() ? Optional.empty() : Optional.of(MENU),
                order,
                Yen.of(order.stream()
                        .mapToLong(i -> (long) MENU.item(i.type()).orElseThrow().feeYen() * i.copies())
                        .sum()),
                Yen.of(inserted),
                copies,
                printed,
                Yen.of(change),
                Yen.of(refund),
                Yen.of(owed),
                Optional.ofNullable(error),
                key,
                state != TransactionState.CARD_REMOVED && state != TransactionState.DONE,
                alarm,
                0);
    }
}
