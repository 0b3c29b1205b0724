package jp.madoguchi.kiosk.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.settlement.DailyCloseReport;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.receipt.EscPosLink;
import jp.madoguchi.printer.receipt.EscPosReceiptPrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk clerk close-day}: the daily close (日計) from the journal. */
@Command(
        name = "close-day",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the daily close (日計) of one business day from the journal: copies and fees per",
            "municipality and type, the cash that moved, manual refunds and coin box collections.",
            "With --printer it is also printed on that ESC/POS printer and recorded."
        })
public final class ClerkCloseDayCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The business day (default: today in Japan).")
    LocalDate date;

    @Option(
            names = "--printer",
            paramLabel = "ADDRESS",
            description = "Print on this receipt printer: tcp://host:9100 or a device file such as /dev/usb/lp0.")
    String printer;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        ZoneId japan = ZoneId.of("Asia/Tokyo");
        try (ClerkJournalOptions.Opened o = where.open(clock)) {
            DailyCloseReport report = new DailyCloseReport(
                    o.journal(), o.records(), o.config().kiosk().id(), japan, clock);
            LocalDate day = date != null ? date : report.today();
            spec.commandLine().getOut().print(text(report.report(day)));
            if (printer != null) {
                report.print(day, receiptPrinter(printer));
                spec.commandLine().getOut().println("(printed on " + printer + ")");
            }
        }
        return 0;
    }

    static ReceiptPrinter receiptPrinter(String address) {
        if (address.startsWith("tcp://")) {
            URI uri = URI.create(address);
            return new EscPosReceiptPrinter(
                    EscPosLink.tcp(uri.getHost(), uri.getPort() < 0 ? 9100 : uri.getPort(), Duration.ofSeconds(3)),
                    Duration.ofSeconds(2));
        }
        return new EscPosReceiptPrinter(
                EscPosLink.device(Path.of(address), Duration.ofSeconds(3)), Duration.ofSeconds(2));
    }

    /** A clerk report as plain text, label left and value right. */
    static String text(ClerkReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.title())
                .append("  (")
                .append(report.kioskId())
                .append(", ")
                .append(report.printedAt())
                .append(")\n");
        for (ClerkReport.Section section : report.sections()) {
            out.append("\n[").append(section.heading()).append("]\n");
            for (ClerkReport.Row row : section.rows()) {
                out.append(String.format("  %-28s %s%n", row.label(), row.value()));
            }
        }
        return out.toString();
    }
}
