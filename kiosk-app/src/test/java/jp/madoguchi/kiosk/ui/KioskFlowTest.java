package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.CenterSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The resident's journeys on the real scene, headless (Monocle), against the real engine, center
 * simulator, card simulator, journal and simulated cash and printers, all in-process.
 */
class KioskFlowTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @TempDir
    static Path shared;

    static CenterSimulator center;
    static CardIssuer issuer;

    @TempDir
    Path dataDir;

    KioskUiFixture ui;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        center = CenterSimulator.builder(shared.resolve("sim"))
                .clock(KioskUiFixture.daytimeClock())
                .start();
        issuer = CardIssuer.open(shared.resolve("sim"));
    }

    @AfterAll
    static void stop() {
        center.close();
    }

    @AfterEach
    void closeKiosk() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    private KioskUiFixture kiosk(UiSettings settings) throws Exception {
        center.faults().clear();
        ui = new KioskUiFixture(dataDir, "KU" + KIOSKS.incrementAndGet(), center, issuer, settings);
        return ui;
    }

    private KioskUiFixture kiosk() throws Exception {
        return kiosk(null);
    }

    /** Home → notes → card → PIN → 住民票 → options → copies → confirm → pay. */
    private void toPayment(KioskUiFixture k, SimulatedCard card) throws Exception {
        k.awaitScreen(ScreenId.HOME);
        k.tap("start");
        k.awaitScreen(ScreenId.CONSENT);
        k.tap("agree");
        k.awaitScreen(ScreenId.PLACE_CARD);
        k.placeCard(card);
        k.awaitScreen(ScreenId.PIN);
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        k.tap("menu-RESIDENCE_RECORD");
        k.awaitScreen(ScreenId.OPTIONS);
        k.tap("options-next");
        k.awaitScreen(ScreenId.COPIES);
        k.tap("copies-next");
        k.awaitScreen(ScreenId.CONFIRM);
        k.tap("confirm-pay");
        k.awaitScreen(ScreenId.PAYMENT);
    }

    @Test
    void residenceRecordHappyPathPrintsAndGivesChange() throws Exception {
        KioskUiFixture k = kiosk();
        toPayment(k, k.cardOf("R0001"));
        long fee = k.snapshot().fee().amount();
        assertThat(fee).isPositive();
        assertThat(k.text("payment-remaining")).isEqualTo(String.format("残り　%,d円", fee));
        k.insert(1000);
        k.awaitScreen(ScreenId.TAKE_OUT);
        assertThat(k.snapshot().copiesPrinted()).isEqualTo(1);
        String change = String.format("%,d円", 1000 - fee);
        assertThat(k.allText()).contains("おつり " + change);
        k.takeCard();
        k.awaitScreen(ScreenId.THANKS);
        assertThat(k.allText()).contains("住民票の写し × 1 通", "おつり　" + change);
        assertThat(k.said()).containsSubsequence("PLACE_CARD", "ENTER_PIN", "TAKE_PAPER");
        k.tap("thanks-home");
        k.awaitScreen(ScreenId.HOME);
        assertThat(k.snapshot().state()).isEqualTo(TransactionState.IDLE);
    }
}
