package jp.madoguchi.kiosk.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.clerk.ClerkEvent;
import jp.madoguchi.kiosk.clerk.ClerkEventKind;
import jp.madoguchi.kiosk.clerk.ClerkJournal;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.receipt.ReceiptPrinter;

/**
 * The daily close (日計) as the clerk prints it: the day's {@link DailyClose} from the ledger plus
 * what clerks did that day (manual refunds, coin box collections), laid out as a {@link
 * ClerkReport} for the receipt printer.
 */
public final class DailyCloseReport {
    /**
     * What clerks did on the day.
     *
     * @param manualRefunds money handed back by clerks from the store's till
     * @param collected money counted out of the coin box
     * @param collectionExpected what the journal said the box held at those collections
     */
    public record ClerkTotals(Yen manualRefunds, int refunds, Yen collected, Yen collectionExpected, int collections) {

        /** Counted minus expected over the day's collections (negative: money missing). */
        public long collectionDifference() {
            return collected.amount() - collectionExpected.amount();
        }
    }

    /** The figures of one day. */
    public record Figures(DailyClose close, ClerkTotals clerk) {}

    private final Journal journal;
    private final ClerkJournal records;
    private final String kioskId;
    private final ZoneId zone;
    private final Clock clock;

    public DailyCloseReport(Journal journal, ClerkJournal records, String kioskId, ZoneId zone, Clock clock) {
        this.journal = journal;
        this.records = records;
        this.kioskId = kioskId;
        this.zone = zone;
        this.clock = clock;
    }

    /** The business day it is now. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Figures figures(LocalDate day) {
        DailyClose close = DailyClose.of(journal, kioskId, day, zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Yen refunds = Yen.ZERO;
        int refundCount = 0;
        Yen collected = Yen.ZERO;
        Yen expected = Yen.ZERO;
        int collections = 0;
        for (ClerkEvent e : records.events(from, to)) {
            if (e.kind() == ClerkEventKind.MANUAL_REFUND) {
                refunds = refunds.plus(e.amount());
                refundCount++;
            } else if (e.kind() == ClerkEventKind.COINS_COLLECTED) {
                collected = collected.plus(e.amount());
                expected = expected.plus(e.expectedAmount());
                collections++;
            }
        }
        return new Figures(close, new ClerkTotals(refunds, refundCount, collected, expected, collections));
    }

    /** The day's report as the receipt printer prints it. */
    public ClerkReport report(LocalDate day) {
        Figures f = figures(day);
        DailyClose c = f.close();
        List<ClerkReport.Section> sections = new ArrayList<>();
        List<ClerkReport.Row> issued = new ArrayList<>();
        for (FeeLine line : c.fees().lines()) {
            issued.add(new ClerkReport.Row(
                    line.municipalityCode() + " " + CertificateTitles.of(line.type()),
                    line.copies() + "通 " + yen(line.fees())));
        }
        if (issued.isEmpty()) {
            issued.add(new ClerkReport.Row("発行なし", "0通"));
        }
        sections.add(new ClerkReport.Section("交付 (市区町村・種類別)", issued));
        sections.add(new ClerkReport.Section(
                "手数料",
                List.of(
                        new ClerkReport.Row("交付通数", c.fees().copies() + "通"),
                        new ClerkReport.Row("手数料合計", yen(c.fees().fees())),
                        new ClerkReport.Row("市区町村分", yen(c.fees().municipalityShare())),
                        new ClerkReport.Row("事業者分", yen(c.fees().operatorShare())))));
        sections.add(new ClerkReport.Section(
                "現金",
                List.of(
                        new ClerkReport.Row("投入金額", yen(c.cash().get(CashEventKind.INSERTED))),
                        new ClerkReport.Row("釣銭払出", yen(c.cash().get(CashEventKind.CHANGE_PAID))),
                        new ClerkReport.Row("返金払出", yen(c.cash().get(CashEventKind.REFUND_PAID))),
                        new ClerkReport.Row("返金票発行", yen(c.vouchersOwed())),
                        new ClerkReport.Row("現金残高", yen(c.cashKept())))));
        ClerkTotals k = f.clerk();
        sections.add(new ClerkReport.Section(
                "係員操作",
                List.of(
                        new ClerkReport.Row("手動返金", k.refunds() + "件 " + yen(k.manualRefunds())),
                        new ClerkReport.Row("金庫回収", k.collections() + "回 " + yen(k.collected())),
                        new ClerkReport.Row("回収差額", signedYen(k.collectionDifference())))));
        return new ClerkReport("日計表 " + day, kioskId, LocalDateTime.now(clock.withZone(zone)), sections);
    }

    /** Prints the day's report on {@code printer} and records it. */
    public Figures print(LocalDate day, ReceiptPrinter printer) {
        ClerkReport report = report(day);
        printer.print(report);
        Figures f = figures(day);
        records.record(
                ClerkEventKind.DAILY_CLOSE_PRINTED,
                Optional.empty(),
                f.close().fees().fees(),
                Yen.ZERO,
                f.close().fees().copies(),
                Optional.empty());
        return f;
    }

    static String yen(Yen amount) {
        return String.format("%,d円", amount.amount());
    }

    static String signedYen(long amount) {
        return (amount > 0 ? "+" : "") + String.format("%,d円", amount);
    }
}
