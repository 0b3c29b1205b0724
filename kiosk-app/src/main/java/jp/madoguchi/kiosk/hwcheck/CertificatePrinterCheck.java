package jp.madoguchi.kiosk.hwcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.ipp.CertificatePrinter;
import jp.madoguchi.printer.ipp.PrinterState;
import jp.madoguchi.printer.ipp.PrinterStatus;

/**
 * The A4 certificate printer over IPP (Get-Printer-Attributes): it answers, is not stopped by a
 * jam, an open door or empty paper, accepts jobs, and can print PDF on A4 two-sided.
 */
public final class CertificatePrinterCheck implements HardwareCheck {
    static final String DEVICE = "certificate printer";

    private final CertificatePrinter printer;
    private final String where;

    /**
     * @param printer the IPP printer client
     * @param where its URI, for the table
     */
    public CertificatePrinterCheck(CertificatePrinter printer, String where) {
        this.printer = printer;
        this.where = where;
    }

    @Override
    public String device() {
        return DEVICE;
    }

    /** A4 first (what certificates need), the rest counted: printers list dozens of sizes. */
    private static String media(PrinterStatus status) {
        if (status.media().isEmpty()) {
            return "media not listed";
        }
        boolean a4 = status.media().contains(PrinterStatus.A4);
        int others = status.media().size() - (a4 ? 1 : 0);
        return "media "
                + (a4
                        ? PrinterStatus.A4 + (others > 0 ? " and " + others + " more" : "")
                        : "without A4: " + String.join(",", new TreeSet<>(status.media())));
    }

    @Override
    public CheckResult run() {
        PrinterStatus status;
        try {
            status = printer.status();
        } catch (PrinterException e) {
            return CheckResult.fail(DEVICE, where + ": " + e.getMessage());
        }
        if (status.state() == PrinterState.UNREACHABLE) {
            return CheckResult.fail(DEVICE, where + ": no IPP answer: " + status.unreachableDetail());
        }
        List<String> seen = new ArrayList<>();
        seen.add(status.state().name().toLowerCase(java.util.Locale.ROOT));
        seen.add(status.acceptingJobs() ? "accepting jobs" : "not accepting jobs");
        seen.add("reasons " + (status.reasons().isEmpty() ? "none" : String.join(",", status.reasons())));
        seen.add("media "
                + (status.media().isEmpty() ? "(not listed)" : String.join(",", new TreeSet<>(status.media()))));
        String answer = where + ": " + String.join(", ", seen);
        Optional<String> problem = status.blockingProblem()
                .map(code -> code.name() + " (" + code.advice() + ")")
                .or(() -> status.missingCapability(true));
        return problem.map(p -> CheckResult.fail(DEVICE, answer + "; " + p))
                .orElseGet(() -> CheckResult.pass(DEVICE, answer));
    }
}
