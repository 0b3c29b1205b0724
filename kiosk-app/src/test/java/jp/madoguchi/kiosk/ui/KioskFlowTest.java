package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import jp.madoguchi.kiosk.SharedCenter;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.card.SimulatedCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The resident's journeys on the real scene, headless (Monocle), against the real engine, center
 * simulator, card simulator, journal and simulated cash and printers, all in-process.
 */
class KioskFlowTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @RegisterExtension
    static final SharedCenter sim = new SharedCenter();

    @TempDir
    Path dataDir;

    KioskUiFixture ui;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeKiosk() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    private KioskUiFixture kiosk(UiSettings settings) throws Exception {
        sim.center().faults().clear();
        ui = new KioskUiFixture(dataDir, "KU" + KIOSKS.incrementAndGet(), sim.center(), sim.issuer(), settings);
        return ui;
    }

    private KioskUiFixture kiosk() throws Exception {
        return kiosk(null);
    }

    /** Home → notes → card → PIN → 住民票 → options → copies → confirm → pay. */
    private void toPayment(KioskUiFixture k, SimulatedCard card) throws Exception {
        toPayment(k, card, false);
    }

    private void toPayment(KioskUiFixture k, SimulatedCard card, boolean mouse) throws Exception {
        k.awaitScreen(ScreenId.HOME);
        k.tap("start");
        k.awaitScreen(ScreenId.CONSENT);
        k.tap("agree");
        k.awaitScreen(ScreenId.PLACE_CARD);
        k.placeCard(card);
        if (mouse) {
            k.typePinWithMouse("1234");
        } else {
            k.typePin("1234");
        }
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
        toPayment(k, k.cardOf("R0001"), true);
        long fee = k.snapshot().fee().amount();
        assertThat(fee).isPositive();
        assertThat(k.text("payment-remaining")).isEqualTo(String.format("残り　%,d円", fee));
        k.insert(1000);
        k.awaitScreen(ScreenId.TAKE_OUT);
        assertThat(k.snapshot().copiesPrinted()).isEqualTo(1);
        String change = String.format("%,d円", 1000 - fee);
        assertThat(k.allText()).contains("おつり " + change);
        assertThat(k.showing("card-left-alarm")).isFalse();
        k.kiosk.engine().timeout(); // what the engine's own timer does when the card stays in
        await().atMost(KioskUiFixture.WAIT).until(() -> k.showing("card-left-alarm"));
        await().atMost(KioskUiFixture.WAIT).until(() -> k.voice.alarmOn);
        assertThat(k.said()).contains("TAKE_CARD");
        k.takeCard();
        await().atMost(KioskUiFixture.WAIT).until(() -> !k.voice.alarmOn);
        k.awaitScreen(ScreenId.THANKS);
        assertThat(k.allText()).contains("住民票の写し × 1 通", "おつり　" + change);
        assertThat(k.said()).containsSubsequence("PLACE_CARD", "ENTER_PIN", "TAKE_PAPER");
        k.tap("thanks-home");
        k.awaitScreen(ScreenId.HOME);
        assertThat(k.snapshot().state()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void residentPicksAnOlderTaxYearAndThePrintedCertificateCarriesIt() throws Exception {
        KioskUiFixture k = kiosk();
        k.kiosk.simulatedPrinter().orElseThrow().keepOutput(true);
        k.awaitScreen(ScreenId.HOME);
        k.tap("start");
        k.awaitScreen(ScreenId.CONSENT);
        k.tap("agree");
        k.awaitScreen(ScreenId.PLACE_CARD);
        k.placeCard(k.cardOf("R0001"));
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        k.tap("menu-INCOME_TAX");
        k.awaitScreen(ScreenId.OPTIONS);
        // June 2026 in 東雲市: three years, the latest chosen until the resident picks another.
        assertThat(k.text("choice-year-2026")).contains("令和8年度（2026年度）").startsWith("✓");
        k.tap("choice-year-2024");
        assertThat(k.text("choice-year-2024")).startsWith("✓");
        k.tap("options-next");
        k.awaitScreen(ScreenId.COPIES);
        k.tap("copies-next");
        k.awaitScreen(ScreenId.CONFIRM);
        assertThat(k.snapshot().order()).containsExactly(jp.madoguchi.center.protocol.OrderItem.incomeTax(2024));
        assertThat(k.allText()).contains("令和6年度（2024年度）（令和5年中の所得）");
        k.tap("confirm-pay");
        k.awaitScreen(ScreenId.PAYMENT);
        k.insert(1000);
        k.awaitScreen(ScreenId.TAKE_OUT);

        var printer = k.kiosk.simulatedPrinter().orElseThrow();
        assertThat(printer.printedJobs()).hasSize(1);
        byte[] pdf = printer.output(printer.printedJobs().get(0).jobId()).orElseThrow();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("所得・課税証明書（令和6年度）", "令和6年度（令和5年中の所得）");
        }
        k.takeCard();
        k.awaitScreen(ScreenId.THANKS);
    }

    @Test
    void wrongPinThenRightPinCarriesOn() throws Exception {
        KioskUiFixture k = kiosk();
        k.tap("start");
        k.tap("agree");
        k.placeCard(k.cardOf("R0001"));
        k.awaitScreen(ScreenId.PIN);
        k.typePin("9999");
        await().atMost(KioskUiFixture.WAIT).until(() -> k.text("pin-message").contains("あと 2 回"));
        assertThat(k.showing("pin-warning")).isFalse();
        assertThat(k.text("pin-mask")).isEqualTo("○○○○");
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
    }

    @Test
    void lastTryIsWarnedAndALockedPinSendsTheResidentToTheMunicipalOffice() throws Exception {
        KioskUiFixture k = kiosk();
        SimulatedCard card = k.cardOf("R0002");
        card.setAuthPinTriesLeft(1);
        k.placeCard(card);
        k.awaitScreen(ScreenId.PIN);
        assertThat(k.showing("pin-warning")).isTrue();
        assertThat(k.text("pin-warning")).contains("次に間違えるとカードがロック");
        k.typePin("0000");
        k.awaitScreen(ScreenId.ENDED);
        assertThat(k.text("ended-what")).isEqualTo("暗証番号がロックされています");
        assertThat(k.text("ended-todo")).contains("市区町村の窓口");
        assertThat(k.text("ended-card")).contains("カードをお取りください");
        assertThat(k.showing("ended-home")).isFalse();
        k.takeCard();
        k.tap("ended-home");
        k.awaitScreen(ScreenId.HOME);
    }

    @Test
    void cardTakenOutMidFlowEndsEverythingAndSaysNothingWasCharged() throws Exception {
        KioskUiFixture k = kiosk();
        k.placeCard(k.cardOf("R0001"));
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        k.tap("menu-RESIDENCE_RECORD");
        k.awaitScreen(ScreenId.OPTIONS);
        k.takeCard();
        k.awaitScreen(ScreenId.ENDED);
        assertThat(k.text("ended-what")).isEqualTo("カードが取り出されたため、手続きを中止しました");
        assertThat(k.text("ended-money")).isEqualTo("料金はいただいていません。");
        assertThat(k.window.journey().draft().item()).isEmpty();
        k.tap("ended-home");
        k.awaitScreen(ScreenId.HOME);
    }

    @Test
    void printerJamEndsWithTheMoneyReturned() throws Exception {
        KioskUiFixture k = kiosk();
        k.kiosk.simulatedPrinter().orElseThrow().jamOnJob(1);
        toPayment(k, k.cardOf("R0001"));
        k.insert(1000);
        k.awaitScreen(ScreenId.ENDED);
        assertThat(k.snapshot().errorCode()).contains("PAPER_JAM");
        assertThat(k.text("ended-what")).isEqualTo("証明書を印刷できませんでした");
        assertThat(k.text("ended-money")).contains("1,000円 を返却しました");
        var s = k.snapshot();
        assertThat(s.copiesPrinted()).isZero();
        assertThat(s.changePaid().amount()
                        + s.refundPaid().amount()
                        + s.refundOwed().amount())
                .as("everything inserted comes back: %s", s)
                .isEqualTo(1000);
        k.takeCard();
        k.awaitScreen(ScreenId.ENDED);
        k.tap("ended-home");
        k.awaitScreen(ScreenId.HOME);
    }

    @Test
    void idleCountdownEndsTheTransactionAndReturnsHomeWithEverythingWiped() throws Exception {
        KioskUiFixture k =
                kiosk(KioskUiFixture.settings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));
        k.placeCard(k.cardOf("R0001"));
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        k.tap("menu-RESIDENCE_RECORD");
        k.tap("choice-SELECTED_MEMBERS");
        assertThat(k.allText()).contains("山田");
        await().atMost(KioskUiFixture.WAIT).until(() -> k.showing("idle-countdown"));
        k.tap("idle-continue");
        assertThat(k.showing("idle-countdown")).isFalse();
        assertThat(k.screen()).isEqualTo(ScreenId.OPTIONS);
        await().atMost(KioskUiFixture.WAIT).until(() -> k.showing("idle-countdown"));
        k.awaitScreen(ScreenId.ENDED);
        assertThat(k.snapshot().errorCode()).contains("TIMEOUT");
        assertThat(k.text("ended-what")).isEqualTo("一定時間操作がなかったため、手続きを終了しました");
        k.takeCard();
        k.awaitScreen(ScreenId.HOME); // the ending is held 1 s, then home by itself
        assertThat(k.window.journey().draft().item()).isEmpty();
        assertThat(k.snapshot().menu()).isEmpty();
        assertThat(k.allText()).doesNotContain("山田", "東雲市");
    }

    @Test
    void languageCanBeSwitchedMidFlowAndBack() throws Exception {
        KioskUiFixture k = kiosk();
        k.placeCard(k.cardOf("R0001"));
        k.language("en");
        assertThat(k.text("pin-message")).startsWith("Enter the 4-digit PIN");
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        assertThat(k.allText()).contains("Choose a certificate", "Certificate of residence");
        k.tap("menu-RESIDENCE_RECORD");
        k.tap("options-next");
        k.tap("copies-next");
        k.awaitScreen(ScreenId.CONFIRM);
        long fee = k.snapshot().fee().amount();
        assertThat(k.text("confirm-total")).isEqualTo(String.format("Total ¥%,d", fee));
        k.language("ja");
        assertThat(k.text("confirm-total")).isEqualTo(String.format("合計　%,d円", fee));
        assertThat(k.text("cancel")).isEqualTo("取り消し");
        k.tap("cancel");
        k.awaitScreen(ScreenId.ENDED);
        assertThat(k.text("ended-what")).isEqualTo("手続きを取り消しました");
        k.takeCard();
    }

    @Test
    void everyLanguageTurnsTheHomeScreenIntoItselfWithAFaceThatDrawsIt() throws Exception {
        KioskUiFixture k =
                kiosk(KioskUiFixture.settings(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(8))
                        .withLanguages(UiText.shippedLanguages()));
        k.awaitScreen(ScreenId.HOME);
        assertThat(k.allText()).contains("マイナンバーカードで証明書を取得できます");
        assertThat(k.text("language-pt")).isEqualTo("Português");
        assertThat(k.text("language-vi")).isEqualTo("Tiếng Việt");

        k.language("pt");
        assertThat(k.allText()).contains("Tire certificados oficiais com o seu Cartão My Number");
        assertThat(k.text("start")).isEqualTo("Começar");
        assertThat(k.text("cancel")).isEqualTo("Cancelar");

        k.language("vi");
        assertThat(k.allText()).contains("Nhận giấy chứng nhận chính thức bằng thẻ My Number");
        assertThat(k.text("start")).isEqualTo("Bắt đầu");
        // BIZ UDGothic has no ơ, ư, ạ ...: Vietnamese screens are drawn with the shipped Noto Sans.
        assertThat(k.fontFamily("start")).isEqualTo(KioskFonts.LATIN_FAMILY);

        // BIZ UDGothic has no hangul and few simplified hanzi: the shipped Noto Sans CJK subsets draw them.
        k.language("zh");
        assertThat(k.text("start")).isEqualTo("开始");
        assertThat(k.fontFamily("start")).isEqualTo(KioskFonts.CHINESE_FAMILY);
        k.language("ko");
        assertThat(k.text("start")).isEqualTo("시작");
        assertThat(k.fontFamily("start")).isEqualTo(KioskFonts.KOREAN_FAMILY);

        k.language("ja");
        assertThat(k.text("start")).isEqualTo("はじめる");
        assertThat(k.fontFamily("start")).isEqualTo(jp.madoguchi.fonts.KioskTypeface.FAMILY);
    }

    @Test
    void homeShowsBeforeTheDevicesAndATapOnStartWaitsForThem() throws Exception {
        KioskUiFixture k = kiosk();
        KioskWindow[] early = new KioskWindow[1];
        WaitForAsyncUtils.waitForAsyncFx(20_000, () -> {
            early[0] = KioskWindow.openBeforeDevices(
                    new javafx.stage.Stage(),
                    KioskUiFixture.settings(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(8)),
                    new RecordingVoice());
        });
        try {
            Button start = WaitForAsyncUtils.waitForAsyncFx(
                    20_000, () -> (Button) early[0].scene().lookup("#start"));
            assertThat(WaitForAsyncUtils.waitForAsyncFx(20_000, start::getText)).isEqualTo("準備中…");
            WaitForAsyncUtils.waitForAsyncFx(20_000, start::fire);
            // kept, not lost: still home and still saying so
            assertThat(WaitForAsyncUtils.waitForAsyncFx(
                            20_000, () -> early[0].router().current()))
                    .isEqualTo(ScreenId.HOME);
            assertThat(WaitForAsyncUtils.waitForAsyncFx(20_000, start::getText)).isEqualTo("準備中…");

            WaitForAsyncUtils.waitForAsyncFx(20_000, () -> early[0].devicesReady(k.kiosk.engine()));
            await().atMost(KioskUiFixture.WAIT)
                    .until(
                            () -> WaitForAsyncUtils.waitForAsyncFx(
                                    20_000, () -> early[0].router().current()),
                            screen -> screen == ScreenId.CONSENT);
        } finally {
            WaitForAsyncUtils.waitForAsyncFx(20_000, () -> {
                early[0].close();
                early[0].stage().hide();
            });
        }
    }

    @Test
    void residentWithUnavailableTypesSeesThemWithTheReasonAndCannotChooseThem() throws Exception {
        KioskUiFixture k = kiosk();
        k.placeCard(k.cardOf("R0021"));
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        EngineMenu menu = new EngineMenu(k);
        assertThat(menu.unavailable()).isNotEmpty();
        for (var u : menu.unavailable()) {
            Object node = KioskUiFixture.fx(
                    () -> k.window.scene().lookup("#menu-" + u.type().name()));
            assertThat(node).as(u.type() + " is shown").isNotNull().isNotInstanceOf(javafx.scene.control.Button.class);
        }
        assertThat(k.allText()).contains("✕ 所得・課税証明書 — 利用できません", "お住まいの市区町村では発行していません");
        k.takeCard();
    }

    /** The menu the center gave this resident, read from the engine. */
    private record EngineMenu(KioskUiFixture k) {
        java.util.List<jp.madoguchi.center.protocol.UnavailableItem> unavailable() {
            return k.snapshot().menu().orElseThrow().unavailable();
        }
    }

    @Test
    void simulatorControlDrivesTheKioskAndShowsWhatWasPrinted() throws Exception {
        KioskUiFixture k = kiosk();
        var sim = new jp.madoguchi.kiosk.ui.simcontrol.SimulatorControlViewModel(k.kiosk);
        assertThat(sim.residents()).hasSize(28);
        assertThat(sim.residents().get(0)).startsWith("R0001");
        sim.choose(0);
        sim.insertCard().get(30, java.util.concurrent.TimeUnit.SECONDS);
        k.typePin("1234");
        k.awaitScreen(ScreenId.MENU);
        k.tap("menu-RESIDENCE_RECORD");
        k.tap("options-next");
        k.tap("copies-next");
        k.awaitScreen(ScreenId.CONFIRM);
        k.tap("confirm-pay");
        k.awaitScreen(ScreenId.PAYMENT);
        assertThat(sim.insertMoney(1000)).isTrue();
        k.awaitScreen(ScreenId.TAKE_OUT);
        sim.removeCard().get(30, java.util.concurrent.TimeUnit.SECONDS);
        k.awaitScreen(ScreenId.THANKS);
        sim.refreshOutput();
        assertThat(sim.output().get(0)).startsWith("certificate job");
        int receipts = k.kiosk.simulatedReceipts().orElseThrow().printed().size();
        assertThat(sim.output())
                .as("one certificate job, then one line per receipt")
                .hasSize(1 + receipts);
        assertThat(sim.pages(0))
                .as("the printed certificate, rendered in memory")
                .isNotEmpty();
        assertThat(sim.pages(1))
                .as("past the one certificate job there are no pages")
                .isEmpty();
        assertThat(sim.insertMoney(100))
                .as("the acceptor is closed after the transaction")
                .isFalse();
    }
}
