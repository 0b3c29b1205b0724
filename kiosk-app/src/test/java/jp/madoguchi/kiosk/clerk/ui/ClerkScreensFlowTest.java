package jp.madoguchi.kiosk.clerk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.SharedCenter;
import jp.madoguchi.kiosk.clerk.ClerkEventKind;
import jp.madoguchi.kiosk.clerk.ClerkKiosk;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionEngine;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The clerk's screens on the real scene, headless (Monocle), over a whole simulated kiosk: PIN
 * lockout, the maintenance key, each clerk function, and the counter staff's confirmation. The
 * flows also render the screenshots of the clerk manual (docs/screens/clerk/).
 */
class ClerkScreensFlowTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @RegisterExtension
    static final SharedCenter sim = new SharedCenter();

    @TempDir
    Path dataDir;

    ClerkUiFixture ui;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    private ClerkUiFixture clerkAt(String yaml) throws Exception {
        ui = new ClerkUiFixture(dataDir, "KS" + KIOSKS.incrementAndGet(), yaml, sim.center(), sim.issuer());
        return ui;
    }

    private Resident resident(int i) {
        return ui.kiosk.residentsOf(ResidentCatalogue.SHINONOME.code()).get(i);
    }

    @Test
    void repeatedWrongClerkPinsLockThePadUntilTheKeyIsTurned() throws Exception {
        clerkAt("clerk:\n  maxPinFailures: 3\n  lockoutMinutes: 15\n");
        ui.awaitScreen(ClerkScreenId.LOGIN);
        assertThat(ui.text("clerk-login-message")).contains("係員暗証番号");
        ui.capture("01-login.png");
        ui.typePin("111111");
        ui.awaitText("clerk-login-message", "違います");
        ui.typePin("222222");
        ui.typePin("333333");
        ui.awaitText("clerk-login-message", "まで入れません");
        assertThat(ui.enabled("clerk-pin-key-4")).as("the pad is locked").isFalse();
        assertThat(ui.enabled("clerk-nav-dashboard")).isFalse();
        ui.capture("01-login-locked.png");
        assertThat(ui.kiosk.clerk().access().isOpen()).isFalse();
        assertThat(ui.kiosk.clerk().records().latest(ClerkEventKind.CLERK_LOCKED_OUT))
                .isPresent();

        // The maintenance key opens clerk mode whatever the PIN pad says.
        ui.kiosk.clerk().access().keySwitch(true);
        ui.awaitScreen(ClerkScreenId.DASHBOARD);
        ui.kiosk.clerk().access().keySwitch(false);
        ui.awaitScreen(ClerkScreenId.LOGIN);
    }

    @Test
    void theClerkSeesDevicesAndMoneyButNothingOfTheResident() throws Exception {
        clerkAt("");
        Resident r = resident(0);
        ClerkKiosk.Visit v = ui.kiosk.visit(r, 2, List.of(1000L), false);
        ui.typePin(ClerkUiFixture.CLERK_PIN);
        ui.awaitScreen(ClerkScreenId.DASHBOARD);
        ui.awaitText("clerk-dashboard-message", "正常");
        assertThat(ui.allText()).contains("カードリーダー", "センター接続", "証明書プリンタ", "支払機", "店舗 (コンビニ)");
        ui.capture("02-dashboard.png");

        ui.tap("clerk-nav-money");
        ui.awaitScreen(ClerkScreenId.MONEY);
        long fees = v.perCopyFee().amount() * 2;
        assertThat(ui.allText())
                .contains(
                        String.format("%,d円", fees),
                        String.format("%,d円", v.inserted().amount()));
        ui.type("clerk-counted", Long.toString(v.inserted().amount()));
        ui.tap("clerk-collect");
        ui.awaitText("clerk-money-message", "差額 0円");
        ui.tap("clerk-print-close");
        ui.awaitText("clerk-money-message", "日計表を印刷しました");
        assertThat(ui.kiosk.kiosk.simulatedReceipts().orElseThrow().printed()).anySatisfy(p -> assertThat(p)
                .isInstanceOfSatisfying(
                        ClerkReport.class, report -> assertThat(report.title()).startsWith("日計表")));
        ui.tap("clerk-write-statements");
        ui.awaitText("clerk-money-message", "内訳書");
        try (Stream<Path> files = Files.list(dataDir.resolve("statements"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains("statement-" + r.municipalityCode() + "-2026-06.pdf");
        }
        ui.capture("04-money.png");

        String everything = ui.allText();
        assertThat(everything).doesNotContain(r.name(), r.nameKana(), r.address(), r.residentId(), r.myNumber());
    }

    @Test
    void printersScreenTestPrintsAndReportsPaperByCode() throws Exception {
        clerkAt("");
        ui.kiosk.clerk().access().keySwitch(true);
        ui.awaitScreen(ClerkScreenId.DASHBOARD);
        ui.tap("clerk-nav-printers");
        ui.awaitScreen(ClerkScreenId.PRINTERS);
        ui.tap("clerk-test-certificate");
        ui.awaitText("clerk-printers-message", "テスト印刷しました");
        assertThat(ui.kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs())
                .singleElement()
                .satisfies(job -> assertThat(job.documentId()).startsWith("TEST-"));
        ui.kiosk.kiosk.simulatedReceipts().orElseThrow().paperEnd(true);
        ui.tap("clerk-test-receipt");
        ui.awaitText("clerk-printers-message", "RECEIPT_PAPER_OUT");
        ui.tap("clerk-roll-changed");
        ui.awaitText("clerk-printers-message", "印刷できる状態です");
        ui.type("clerk-sheets", "250");
        ui.tap("clerk-paper-loaded");
        await().atMost(ClerkUiFixture.WAIT).until(() -> ui.kiosk
                .clerk()
                .records()
                .latest(ClerkEventKind.PAPER_REPLENISHED)
                .map(e -> e.count() == 250)
                .orElse(false));
        ui.capture("03-printers.png");
    }

    @Test
    void lookUpByReceiptNumberAndRefundWithAReasonFromTheList() throws Exception {
        clerkAt("");
        ClerkKiosk.Visit v = ui.kiosk.visit(resident(1), 1, List.of(), false);
        ui.typePin(ClerkUiFixture.CLERK_PIN);
        ui.awaitScreen(ClerkScreenId.DASHBOARD);
        ui.tap("clerk-nav-lookup");
        ui.awaitScreen(ClerkScreenId.LOOKUP);
        assertThat(ui.enabled("clerk-refund")).as("nothing to refund yet").isFalse();
        ui.type("clerk-lookup-code", v.transactionId());
        ui.tap("clerk-lookup-find");
        ui.awaitText("clerk-lookup-message", v.transactionId());
        assertThat(ui.allText()).contains("完了", "PAID");
        assertThat(ui.fx(() -> List.copyOf(
                        ((jp.madoguchi.kiosk.clerk.ui.lookup.LookupViewModel) ui.window.model(ClerkScreenId.LOOKUP))
                                .history())))
                .anyMatch(line -> line.contains("PRINTED"))
                .anyMatch(line -> line.contains("DONE"));
        ui.capture("05-lookup.png");

        ui.type("clerk-refund-amount", Long.toString(v.perCopyFee().amount() + 1));
        ReasonChoice.select(ui, jp.madoguchi.kiosk.clerk.RefundReason.PRINT_DEFECT);
        ui.tap("clerk-refund");
        ui.awaitText("clerk-lookup-message", "までです");
        ui.type("clerk-refund-amount", Long.toString(v.perCopyFee().amount()));
        ui.tap("clerk-refund");
        ui.awaitText("clerk-lookup-message", "返金を記録しました");
        assertThat(ui.kiosk.clerk().refunds()).isNotNull();
        assertThat(ui.kiosk
                        .clerk()
                        .records()
                        .latest(ClerkEventKind.MANUAL_REFUND)
                        .orElseThrow()
                        .amount())
                .isEqualTo(v.perCopyFee());
        assertThat(ui.kiosk
                        .clerk()
                        .records()
                        .latest(ClerkEventKind.MANUAL_REFUND)
                        .orElseThrow()
                        .code()
                        .orElseThrow()
                        .value())
                .isEqualTo("PRINT_DEFECT");
        ui.capture("06-refund.png");
    }

    @Test
    void logsGoToTheStickAndAMissingStickIsExplained() throws Exception {
        clerkAt("");
        ui.kiosk.visit(resident(2), 1, List.of(), false);
        ui.kiosk.clerk().access().keySwitch(true);
        ui.awaitScreen(ClerkScreenId.DASHBOARD);
        ui.tap("clerk-nav-export");
        ui.awaitScreen(ClerkScreenId.EXPORT);
        ui.tap("clerk-export-button");
        ui.awaitText("clerk-export-message", "書き出せません");
        Files.createDirectories(dataDir.resolve("usb"));
        ui.tap("clerk-export-button");
        ui.awaitText("clerk-export-message", "完了: 取引 1 件");
        ui.capture("07-export.png");
        try (Stream<Path> folders = Files.list(dataDir.resolve("usb"))) {
            assertThat(folders.toList()).singleElement().satisfies(f -> assertThat(f.resolve("manifest.txt"))
                    .exists());
        }
    }

    @Test
    void counterStaffConfirmTheTicketNumberAndTheCertificatePrints() throws Exception {
        clerkAt(
                """
                  deployment: COUNTER
                payment:
                  device: COUNTER
                counter:
                  window: 市民課 2番窓口
                """);
        TransactionEngine engine = ui.kiosk.kiosk.engine();
        ui.kiosk.kiosk.cardSlot().orElseThrow().insert(ui.kiosk.cardOf(resident(3)));
        engine.cardInserted().get(30, TimeUnit.SECONDS);
        engine.pinEntered("1234".toCharArray()).get(30, TimeUnit.SECONDS);
        engine.orderChosen(List.of(new OrderItem(CertificateType.RESIDENCE_RECORD, null, List.of(), List.of(), 1)))
                .get(30, TimeUnit.SECONDS);
        Yen fee = engine.feeConfirmed().get(30, TimeUnit.SECONDS).fee();

        ui.kiosk.clerk().access().keySwitch(true);
        ui.awaitScreen(ClerkScreenId.DASHBOARD);
        ui.tap("clerk-nav-counter");
        ui.awaitScreen(ClerkScreenId.COUNTER);
        assertThat(ui.allText()).contains("A-001", "住民票の写し 1通", String.format("%,d円", fee.amount()));
        ui.capture("08-counter.png");
        ui.type("clerk-ticket-code", "A-009");
        ui.tap("clerk-ticket-confirm");
        ui.awaitText("clerk-counter-message", "支払い待ちではありません");
        ui.type("clerk-ticket-code", "a1");
        ui.type("clerk-ticket-received", Long.toString(fee.amount() + 500));
        ui.tap("clerk-ticket-confirm");
        ui.awaitText("clerk-counter-message", "お釣り 500円");
        assertThat(engine.await(s -> s.state() == TransactionState.PRINTED, Duration.ofSeconds(60)))
                .isPresent();
        assertThat(ui.kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs())
                .hasSize(1);
    }
}
