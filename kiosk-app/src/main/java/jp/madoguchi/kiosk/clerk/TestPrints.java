package jp.madoguchi.kiosk.clerk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.ipp.PrintOutcome;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.seal.PrintableCertificate;

/**
 * Test prints from clerk mode: an A4 test page on the certificate printer and a test slip on the
 * receipt printer. Each attempt is recorded with its result code.
 */
public final class TestPrints {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** What a test print gave: printed, or the printer's error code. */
    public record Result(PrinterKind printer, boolean printed, Optional<Code> failure) {}

    private final ClerkDevices devices;
    private final ClerkJournal records;
    private final String kioskId;
    private final Clock clock;
    private final Duration pageTimeLimit;

    public TestPrints(ClerkDevices devices, ClerkJournal records, String kioskId, Clock clock, Duration pageTimeLimit) {
        this.devices = devices;
        this.records = records;
        this.kioskId = kioskId;
        this.clock = clock;
        this.pageTimeLimit = pageTimeLimit;
    }

    /** Prints the A4 test page and follows the job to its end (bounded by the page time limit). */
    public Result certificatePrinter() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(JAPAN));
        PrintableCertificate page = new PrintableCertificate(
                "TEST-" + kioskId + "-" + clock.millis(), TestPage.render(kioskId, now), 1, false, List.of());
        try {
            PrintOutcome outcome = devices.certificatePrinter().print(page, pageTimeLimit);
            Result result = new Result(
                    PrinterKind.CERTIFICATE,
                    outcome.printed(),
                    outcome.failure().map(f -> Code.of(f.name())));
            return recorded(result);
        } catch (PrinterException e) {
            return recorded(new Result(
                    PrinterKind.CERTIFICATE, false, Optional.of(Code.of(e.code().name()))));
        } finally {
            page.wipe();
        }
    }

    /** Prints a test slip on the receipt printer. */
    public Result receiptPrinter() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(JAPAN));
        ClerkReport slip = new ClerkReport(
                "テスト印刷",
                kioskId,
                now,
                List.of(new ClerkReport.Section(
                        "レシートプリンタ Receipt printer",
                        List.of(
                                new ClerkReport.Row("端末 Kiosk", kioskId),
                                new ClerkReport.Row("全角 Full width", "窓口 証明書 交付"),
                                new ClerkReport.Row("金額 Amount", Yen.of(12345).amount() + "円")))));
        try {
            devices.receiptPrinter().print(slip);
            return recorded(new Result(PrinterKind.RECEIPT, true, Optional.empty()));
        } catch (PrinterException e) {
            return recorded(new Result(
                    PrinterKind.RECEIPT, false, Optional.of(Code.of(e.code().name()))));
        }
    }

    private Result recorded(Result result) {
        records.record(
                ClerkEventKind.TEST_PRINT,
                Optional.empty(),
                Yen.ZERO,
                Yen.ZERO,
                result.printed() ? 1 : 0,
                Optional.of(result.failure().orElse(result.printer().code())));
        return result;
    }
}
