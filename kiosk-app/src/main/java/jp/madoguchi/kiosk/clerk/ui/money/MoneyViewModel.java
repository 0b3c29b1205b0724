package jp.madoguchi.kiosk.clerk.ui.money;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.clerk.CoinBox;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;
import jp.madoguchi.kiosk.clerk.ui.InfoRow;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.settlement.DailyClose;
import jp.madoguchi.kiosk.settlement.DailyCloseReport;
import jp.madoguchi.kiosk.settlement.FeeLine;
import jp.madoguchi.kiosk.settlement.MonthlyStatements;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.receipt.ReceiptPrinter;

/** Money: the coin box collection, the daily close (日計) and the monthly statements. */
public final class MoneyViewModel extends ClerkScreenModel {
    private final CoinBox coinBox;
    private final DailyCloseReport dailyClose;
    private final MonthlyStatements statements;
    private final ReceiptPrinter receiptPrinter;
    private final StringProperty expected = new SimpleStringProperty("");
    private final StringProperty counted = new SimpleStringProperty("");
    private final StringProperty day = new SimpleStringProperty("");
    private final StringProperty month = new SimpleStringProperty("");
    private final StringProperty statementDir = new SimpleStringProperty("");
    private final ObservableList<InfoRow> figures = FXCollections.observableArrayList();

    public MoneyViewModel(
            CoinBox coinBox,
            DailyCloseReport dailyClose,
            MonthlyStatements statements,
            ReceiptPrinter receiptPrinter,
            Path statementDir) {
        this.coinBox = coinBox;
        this.dailyClose = dailyClose;
        this.statements = statements;
        this.receiptPrinter = receiptPrinter;
        LocalDate today = dailyClose.today();
        this.day.set(today.toString());
        this.month.set(YearMonth.from(today).toString());
        this.statementDir.set(statementDir.toString());
    }

    @Override
    protected void refresh(ClerkText t) {
        expected.set(t.yen(coinBox.expected()));
        showDay(t);
    }

    /** The clerk counted the emptied coin box: the amount in {@link #counted()}. */
    public void collect() {
        Yen amount;
        try {
            amount = Yen.of(Long.parseLong(counted.get().replace(",", "").strip()));
        } catch (IllegalArgumentException e) {
            say("money.countedInvalid");
            return;
        }
        CoinBox.Collection c = coinBox.collect(amount);
        counted.set("");
        expected.set(text().yen(coinBox.expected()));
        showDay(text());
        say("money.collected", text().yen(c.counted()), text().yen(c.expected()), text().signedYen(c.difference()));
    }

    /** Shows the day typed in {@link #day()}. */
    public void showDay() {
        showDay(text());
    }

    /**
     * Prints the day's 日計表 on the receipt printer; blocks while printing, so call it off the FX
     * thread and run what it returns on the FX thread.
     */
    public Runnable printDailyClose() {
        LocalDate d;
        try {
            d = LocalDate.parse(day.get().strip());
        } catch (DateTimeParseException e) {
            return () -> say("money.dayInvalid");
        }
        try {
            dailyClose.print(d, receiptPrinter);
            return () -> say("money.closePrinted", d.toString());
        } catch (PrinterException e) {
            return () -> say("money.printFailed", e.code().name());
        }
    }

    /** Writes the statements of {@link #month()} for every municipality with copies. */
    public void writeStatements() {
        YearMonth m;
        try {
            m = YearMonth.parse(month.get().strip());
        } catch (DateTimeParseException e) {
            say("money.monthInvalid");
            return;
        }
        List<String> codes = statements.municipalities(m);
        if (codes.isEmpty()) {
            say("money.noStatements", m.toString());
            return;
        }
        try {
            List<String> written = new ArrayList<>();
            for (String code : codes) {
                MonthlyStatements.Written w =
                        statements.write(code, m, Path.of(statementDir.get().strip()));
                written.add(w.pdf().getFileName().toString());
            }
            say("money.statementsWritten", written.size(), statementDir.get(), String.join(", ", written));
        } catch (KioskException e) {
            sayPlain(e.getMessage());
        }
    }

    private void showDay(ClerkText t) {
        LocalDate d = parsedDay();
        if (d == null) {
            return;
        }
        DailyCloseReport.Figures f = dailyClose.figures(d);
        DailyClose c = f.close();
        List<InfoRow> rows = new ArrayList<>();
        for (FeeLine line : c.fees().lines()) {
            rows.add(InfoRow.plain(
                    line.municipalityCode() + " " + t.textOr("type." + line.type(), line.type()),
                    t.text("money.copiesFees", line.copies(), t.yen(line.fees()))));
        }
        rows.add(InfoRow.plain(
                t.text("money.copies"), t.text("money.copiesCount", c.fees().copies())));
        rows.add(InfoRow.plain(t.text("money.fees"), t.yen(c.fees().fees())));
        rows.add(InfoRow.plain(t.text("money.municipalityShare"), t.yen(c.fees().municipalityShare())));
        rows.add(InfoRow.plain(t.text("money.operatorShare"), t.yen(c.fees().operatorShare())));
        rows.add(InfoRow.plain(t.text("money.inserted"), t.yen(c.cash().get(CashEventKind.INSERTED))));
        rows.add(InfoRow.plain(t.text("money.change"), t.yen(c.cash().get(CashEventKind.CHANGE_PAID))));
        rows.add(InfoRow.plain(t.text("money.refunds"), t.yen(c.cash().get(CashEventKind.REFUND_PAID))));
        rows.add(InfoRow.plain(t.text("money.vouchers"), t.yen(c.vouchersOwed())));
        rows.add(InfoRow.plain(t.text("money.cashKept"), t.yen(c.cashKept())));
        rows.add(InfoRow.plain(t.text("money.manualRefunds"), t.yen(f.clerk().manualRefunds())));
        rows.add(new InfoRow(
                t.text("money.collectionDifference"),
                t.signedYen(f.clerk().collectionDifference()),
                f.clerk().collectionDifference() == 0 ? "ok" : "warning"));
        figures.setAll(rows);
    }

    private LocalDate parsedDay() {
        try {
            return LocalDate.parse(day.get().strip());
        } catch (DateTimeParseException e) {
            say("money.dayInvalid");
            return null;
        }
    }

    public ReadOnlyStringProperty expected() {
        return expected;
    }

    public StringProperty counted() {
        return counted;
    }

    public StringProperty day() {
        return day;
    }

    public StringProperty month() {
        return month;
    }

    public StringProperty statementDir() {
        return statementDir;
    }

    public ObservableList<InfoRow> figures() {
        return figures;
    }
}
