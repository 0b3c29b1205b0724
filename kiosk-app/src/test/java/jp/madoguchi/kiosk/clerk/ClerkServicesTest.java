package jp.madoguchi.kiosk.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.madoguchi.kiosk.SharedCenter;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.settlement.DailyCloseReport;
import jp.madoguchi.kiosk.settlement.MonthlyStatements;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.receipt.Receipt;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clerk mode's services on a whole simulated kiosk after a run of real (simulated) transactions:
 * every report is cross-checked against what the engine reported to the residents, to the yen.
 */
class ClerkServicesTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @RegisterExtension
    static final SharedCenter sim = new SharedCenter();

    @TempDir
    Path dataDir;

    ClerkKiosk kiosk;

    @BeforeEach
    void newKiosk() throws Exception {
        kiosk = new ClerkKiosk(
                dataDir, String.format("KC%03d", KIOSKS.incrementAndGet()), "", sim.center(), sim.issuer());
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    /** Residents of three municipalities; a few overpay, one copy jams (refund or voucher). */
    private List<ClerkKiosk.Visit> aMorningOfResidents(int perMunicipality) {
        List<ClerkKiosk.Visit> visits = new ArrayList<>();
        String[] municipalities = {
            ResidentCatalogue.SHINONOME.code(), ResidentCatalogue.AOBA.code(), ResidentCatalogue.WAKABA.code()
        };
        int n = 0;
        for (String code : municipalities) {
            List<Resident> residents = kiosk.residentsOf(code);
            assertThat(residents).as("residents of " + code).hasSizeGreaterThanOrEqualTo(perMunicipality);
            for (int i = 0; i < perMunicipality; i++) {
                n++;
                List<Long> coins = n % 3 == 0 ? List.of(1000L) : List.of();
                visits.add(kiosk.visit(residents.get(i), 1 + (n % 2), coins, n == 2));
            }
        }
        return visits;
    }

    @Test
    void dailyCloseAndStatementsMatchWhatTheResidentsWereToldToTheYen() throws Exception {
        List<ClerkKiosk.Visit> visits = aMorningOfResidents(3);
        long fees = 0;
        long inserted = 0;
        long change = 0;
        long refunds = 0;
        long vouchers = 0;
        int copies = 0;
        Map<String, Long> feesByMunicipality = new HashMap<>();
        for (ClerkKiosk.Visit v : visits) {
            long earned = v.perCopyFee().amount() * v.copiesPrinted();
            fees += earned;
            copies += v.copiesPrinted();
            inserted += v.inserted().amount();
            change += v.changePaid().amount();
            refunds += v.refundPaid().amount();
            vouchers += v.refundOwed().amount();
            feesByMunicipality.merge(v.municipalityCode(), earned, Long::sum);
        }
        assertThat(visits).anyMatch(v -> v.end() == TransactionState.FAILED);

        DailyCloseReport.Figures day = kiosk.clerk().dailyClose().figures(ClerkKiosk.DAY);
        assertThat(day.close().fees().fees().amount()).isEqualTo(fees);
        assertThat(day.close().fees().copies()).isEqualTo(copies);
        assertThat(day.close().fees().operatorShare().amount()).isEqualTo(115L * copies);
        assertThat(day.close().cashKept().amount()).isEqualTo(inserted - change - refunds);
        assertThat(day.close().vouchersOwed().amount()).isEqualTo(vouchers);
        assertThat(day.close().cashKept().amount())
                .as("kept = fees + vouchers owed")
                .isEqualTo(fees + vouchers);

        kiosk.clerk()
                .dailyClose()
                .print(ClerkKiosk.DAY, kiosk.kiosk.simulatedReceipts().orElseThrow());
        ClerkReport printed = lastClerkReport();
        assertThat(printed.title()).contains("日計表");
        assertThat(row(printed, "手数料合計")).isEqualTo(String.format("%,d円", fees));
        assertThat(row(printed, "現金残高")).isEqualTo(String.format("%,d円", inserted - change - refunds));

        MonthlyStatements statements = kiosk.clerk().statements();
        YearMonth june = YearMonth.from(ClerkKiosk.DAY);
        assertThat(statements.municipalities(june)).containsExactlyInAnyOrderElementsOf(feesByMunicipality.keySet());
        long statementTotal = 0;
        for (String code : statements.municipalities(june)) {
            MonthlyStatements.Written written = statements.write(code, june, dataDir.resolve("statements"));
            long expected = feesByMunicipality.get(code);
            assertThat(written.statement().fees().fees().amount()).isEqualTo(expected);
            statementTotal += written.statement().fees().fees().amount();
            List<String> csv = Files.readAllLines(written.csv());
            String total = csv.get(csv.size() - 1);
            assertThat(total)
                    .startsWith(code + ",2026-06,TOTAL,"
                            + written.statement().fees().copies() + "," + expected + ",");
            try (PDDocument pdf = Loader.loadPDF(written.pdf().toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("証明書コンビニ交付手数料請求内訳書", "住民票の写し", "合計");
                assertThat(text).contains(String.format("%,d円", expected));
                assertThat(text)
                        .contains(String.format(
                                "%,d円",
                                written.statement().fees().municipalityShare().amount()));
            }
        }
        assertThat(statementTotal).isEqualTo(fees);
    }

    @Test
    void coinBoxCollectionCountsIntoTheRecordsAndStartsAfresh() {
        List<ClerkKiosk.Visit> visits = aMorningOfResidents(1);
        long inserted = visits.stream().mapToLong(v -> v.inserted().amount()).sum();
        CoinBox box = kiosk.clerk().coinBox();
        assertThat(box.expected().amount()).isEqualTo(inserted);

        CoinBox.Collection collection = box.collect(Yen.of(inserted - 100));
        assertThat(collection.expected().amount()).isEqualTo(inserted);
        assertThat(collection.difference()).isEqualTo(-100);
        assertThat(box.expected()).isEqualTo(Yen.ZERO);
        DailyCloseReport.Figures day = kiosk.clerk().dailyClose().figures(ClerkKiosk.DAY);
        assertThat(day.clerk().collections()).isEqualTo(1);
        assertThat(day.clerk().collectionDifference()).isEqualTo(-100);
    }

    @Test
    void lookUpByReceiptNumberAndVoucherQrThenRefundOnlyWhatWasKept() {
        List<ClerkKiosk.Visit> visits = aMorningOfResidents(1);
        ClerkKiosk.Visit done = visits.get(0);
        TransactionDetails details =
                kiosk.clerk().lookup().find(done.transactionId()).orElseThrow();
        assertThat(details.summary().state()).isEqualTo(TransactionState.DONE);
        assertThat(details.summary().copiesPrinted()).isEqualTo(done.copiesPrinted());
        assertThat(details.history()).extracting(StateChange::state).contains(TransactionState.PRINTED);

        Yen kept = details.summary().kept();
        assertThatThrownBy(() -> kiosk.clerk()
                        .refunds()
                        .refund(
                                new TransactionId(done.transactionId()),
                                kept.plus(Yen.of(1)),
                                RefundReason.PRINT_DEFECT))
                .isInstanceOf(ClerkActionRefused.class)
                .hasMessageContaining("at most " + kept.amount());
        ClerkEvent refund = kiosk.clerk()
                .refunds()
                .refund(new TransactionId(done.transactionId()), done.perCopyFee(), RefundReason.PRINT_DEFECT);
        assertThat(refund.code()).contains(new Code("PRINT_DEFECT"));
        TransactionDetails after =
                kiosk.clerk().lookup().find(done.transactionId()).orElseThrow();
        assertThat(after.manuallyRefunded()).isEqualTo(done.perCopyFee());
        assertThat(after.refundable()).isEqualTo(kept.minus(done.perCopyFee()));
        assertThat(kiosk.clerk().dailyClose().figures(ClerkKiosk.DAY).clerk().manualRefunds())
                .isEqualTo(done.perCopyFee());

        // The jammed visit: whatever the hoppers could not pay was printed on a voucher.
        ClerkKiosk.Visit jammed = visits.get(1);
        assertThat(jammed.end()).isEqualTo(TransactionState.FAILED);
        List<RefundVoucher> printedVouchers = kiosk.kiosk.simulatedReceipts().orElseThrow().printed().stream()
                .filter(RefundVoucher.class::isInstance)
                .map(RefundVoucher.class::cast)
                .toList();
        if (!jammed.refundOwed().isZero()) {
            RefundVoucher voucher = printedVouchers.get(printedVouchers.size() - 1);
            TransactionDetails byQr =
                    kiosk.clerk().lookup().find(voucher.qrText()).orElseThrow();
            assertThat(byQr.summary().id().value()).isEqualTo(jammed.transactionId());
            assertThat(byQr.voucherOutstanding()).isEqualTo(jammed.refundOwed());
        }
        assertThat(kiosk.clerk().lookup().find(jammed.transactionId() + "-R")).isPresent();
        assertThat(kiosk.clerk().lookup().find("KC999-20260610-0001")).isEmpty();
        assertThatThrownBy(() -> kiosk.clerk().lookup().find("山田 太郎"))
                .isInstanceOf(ClerkActionRefused.class)
                .hasMessageContaining("取引番号");
    }

    @Test
    void aVoucherIsRedeemedOnceAndNeverBeyondItsAmount() {
        for (var hopper : kiosk.kiosk.hoppers()) {
            hopper.setCoins(0); // no change at all: every refund becomes a voucher
        }
        Resident r = kiosk.residentsOf(ResidentCatalogue.SHINONOME.code()).get(0);
        ClerkKiosk.Visit v = kiosk.visit(r, 1, List.of(1000L), true);
        assertThat(v.refundOwed()).isEqualTo(Yen.of(1000));
        TransactionId id = new TransactionId(v.transactionId());
        assertThatThrownBy(() -> kiosk.clerk().refunds().refund(id, Yen.of(1001), RefundReason.VOUCHER_REDEEMED))
                .isInstanceOf(ClerkActionRefused.class);
        kiosk.clerk().refunds().refund(id, Yen.of(1000), RefundReason.VOUCHER_REDEEMED);
        assertThat(kiosk.clerk().lookup().details(id).orElseThrow().voucherOutstanding())
                .isEqualTo(Yen.ZERO);
        assertThatThrownBy(() -> kiosk.clerk().refunds().refund(id, Yen.of(10), RefundReason.VOUCHER_REDEEMED))
                .isInstanceOf(ClerkActionRefused.class)
                .hasMessageContaining("at most 0");
        assertThat(kiosk.clerk().records().eventsFor(id)).singleElement().satisfies(e -> assertThat(e.kind())
                .isEqualTo(ClerkEventKind.MANUAL_REFUND));
    }

    @Test
    void exportedLogsHoldIdsCountsAndMoneyButNoResidentData() throws Exception {
        List<ClerkKiosk.Visit> visits = aMorningOfResidents(1);
        Path stick = Files.createDirectories(dataDir.resolve("usb"));
        LogExport.Result result = kiosk.clerk().logs().exportAll(stick);
        assertThat(result.transactions()).isEqualTo(visits.size());
        assertThat(result.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("transactions.csv", "state_changes.csv", "clerk_events.csv", "manifest.txt");
        String transactions = Files.readString(result.folder().resolve("transactions.csv"));
        for (ClerkKiosk.Visit v : visits) {
            assertThat(transactions).contains(v.transactionId() + ",");
        }
        List<String> everything = new ArrayList<>();
        try (Stream<Path> files = Files.list(result.folder())) {
            for (Path f : files.toList()) {
                everything.add(Files.readString(f));
            }
        }
        String all = String.join("\n", everything);
        for (String code : new String[] {
            ResidentCatalogue.SHINONOME.code(), ResidentCatalogue.AOBA.code(), ResidentCatalogue.WAKABA.code()
        }) {
            for (Resident r : kiosk.residentsOf(code).subList(0, 1)) {
                assertThat(all).doesNotContain(r.name(), r.nameKana(), r.address(), r.myNumber(), r.residentId());
                assertThat(all).doesNotContain(r.birthDate().toString());
            }
        }
        assertThat(all).doesNotContain("1234");
        assertThat(all).as("only ASCII codes, numbers and ids").matches("\\A[\\x20-\\x7E\\n]*\\z");

        assertThatThrownBy(() -> kiosk.clerk().logs().exportAll(dataDir.resolve("not-mounted")))
                .isInstanceOf(ClerkActionRefused.class)
                .hasMessageContaining("USB stick");
    }

    @Test
    void dashboardShowsEachDeviceAndTheConfigurationButNoResident() {
        ClerkKiosk.Visit v = aMorningOfResidents(1).get(0);
        DeviceDashboard d = kiosk.clerk().dashboard().probe();
        assertThat(d.overall()).isEqualTo(DeviceDashboard.Health.OK);
        assertThat(d.cardReader().readers()).singleElement().asString().contains("Simulated Reader");
        assertThat(d.centerLink().health()).isEqualTo(DeviceDashboard.Health.OK);
        assertThat(d.centerLink().latencyMillis()).isBetween(0L, 5_000L);
        assertThat(d.certificatePrinter().paper()).isEqualTo(DeviceDashboard.Level.OK);
        assertThat(d.payment().hoppers())
                .extracting(DeviceDashboard.CoinLevel::denomination)
                .containsExactly(Yen.of(500), Yen.of(100), Yen.of(50), Yen.of(10));
        assertThat(d.payment().coinBoxExpected())
                .isEqualTo(kiosk.clerk().coinBox().expected());
        assertThat(d.configuration().deployment().name()).isEqualTo("STORE");
        assertThat(d.softwareVersion()).startsWith("Madoguchi");
        Resident r = kiosk.residentsOf(v.municipalityCode()).get(0);
        assertThat(d.toString()).doesNotContain(r.name(), r.address(), r.residentId());

        kiosk.kiosk.simulatedPrinter().orElseThrow().loadPaper(0);
        kiosk.kiosk.hoppers().get(1).setCoins(3);
        DeviceDashboard empty = kiosk.clerk().dashboard().probe();
        assertThat(empty.certificatePrinter().health()).isEqualTo(DeviceDashboard.Health.FAULT);
        assertThat(empty.certificatePrinter().paper()).isEqualTo(DeviceDashboard.Level.EMPTY);
        assertThat(empty.certificatePrinter().error()).contains(new Code("PAPER_OUT"));
        assertThat(empty.payment().hoppers().get(1).level()).isEqualTo(DeviceDashboard.Level.LOW);
        assertThat(empty.overall()).isEqualTo(DeviceDashboard.Health.FAULT);

        PaperReplenishment.Result loaded = kiosk.clerk().paper().loaded(PrinterKind.CERTIFICATE, 500);
        assertThat(loaded.ready()).isTrue();
        assertThat(kiosk.clerk().dashboard().probe().certificatePrinter().health())
                .isEqualTo(DeviceDashboard.Health.OK);
        assertThat(kiosk.clerk()
                        .records()
                        .latest(ClerkEventKind.PAPER_REPLENISHED)
                        .orElseThrow()
                        .count())
                .isEqualTo(500);
    }

    @Test
    void testPrintsComeOutOfBothPrintersAndAFailureIsReportedByCode() {
        TestPrints.Result page = kiosk.clerk().testPrints().certificatePrinter();
        assertThat(page.printed()).isTrue();
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs())
                .singleElement()
                .satisfies(job -> assertThat(job.documentId()).startsWith("TEST-"));
        TestPrints.Result slip = kiosk.clerk().testPrints().receiptPrinter();
        assertThat(slip.printed()).isTrue();
        assertThat(lastClerkReport().title()).isEqualTo("テスト印刷");

        kiosk.kiosk.simulatedReceipts().orElseThrow().paperEnd(true);
        TestPrints.Result noPaper = kiosk.clerk().testPrints().receiptPrinter();
        assertThat(noPaper.printed()).isFalse();
        assertThat(noPaper.failure()).contains(new Code("RECEIPT_PAPER_OUT"));
        assertThat(kiosk.clerk().paper().loaded(PrinterKind.RECEIPT, 0).ready()).isTrue();
        assertThat(kiosk.clerk().testPrints().receiptPrinter().printed()).isTrue();
    }

    private ClerkReport lastClerkReport() {
        List<Receipt> printed = kiosk.kiosk.simulatedReceipts().orElseThrow().printed();
        for (int i = printed.size() - 1; i >= 0; i--) {
            if (printed.get(i) instanceof ClerkReport report) {
                return report;
            }
        }
        throw new AssertionError("no clerk report printed");
    }

    private static String row(ClerkReport report, String label) {
        return report.sections().stream()
                .flatMap(s -> s.rows().stream())
                .filter(r -> r.label().equals(label))
                .map(ClerkReport.Row::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }
}
