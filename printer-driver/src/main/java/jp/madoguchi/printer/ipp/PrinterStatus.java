package jp.madoguchi.printer.ipp;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * What the certificate printer said about itself (Get-Printer-Attributes), for the transaction and
 * the clerk's device screen.
 *
 * @param state printer-state
 * @param conditions mapped printer-state-reasons (blocking and warnings)
 * @param reasons the raw printer-state-reasons keywords
 * @param acceptingJobs printer-is-accepting-jobs
 * @param documentFormats document-format-supported
 * @param sides sides-supported
 * @param media media-supported
 * @param message printer-state-message, or empty
 * @param unreachableDetail why the printer could not be asked, when {@code state} is UNREACHABLE
 */
public record PrinterStatus(
        PrinterState state,
        List<PrinterCondition.Reported> conditions,
        List<String> reasons,
        boolean acceptingJobs,
        Set<String> documentFormats,
        Set<String> sides,
        Set<String> media,
        String message,
        String unreachableDetail) {

    public static final String PDF = "application/pdf";
    public static final String A4 = "iso_a4_210x297mm";
    public static final String TWO_SIDED = "two-sided-long-edge";

    public PrinterStatus {
        conditions = List.copyOf(conditions);
        reasons = List.copyOf(reasons);
        documentFormats = Set.copyOf(documentFormats);
        sides = Set.copyOf(sides);
        media = Set.copyOf(media);
    }

    /** The status of a printer that did not answer. */
    public static PrinterStatus unreachable(String detail) {
        return new PrinterStatus(
                PrinterState.UNREACHABLE, List.of(), List.of(), false, Set.of(), Set.of(), Set.of(), "", detail);
    }

    /** The conditions, without keywords and severities. */
    public Set<PrinterCondition> conditionSet() {
        Set<PrinterCondition> set = EnumSet.noneOf(PrinterCondition.class);
        conditions.forEach(c -> set.add(c.condition()));
        return set;
    }

    /** The first condition that stops printing now, as the error to report. */
    public Optional<ErrorCode> blockingProblem() {
        if (state == PrinterState.UNREACHABLE) {
            return Optional.of(ErrorCode.PRINTER_UNREACHABLE);
        }
        for (PrinterCondition.Reported reported : conditions) {
            if (reported.blocking()) {
                return reported.condition().blockingCode();
            }
        }
        if (state == PrinterState.STOPPED) {
            return Optional.of(ErrorCode.PRINTER_STOPPED);
        }
        if (!acceptingJobs) {
            return Optional.of(ErrorCode.PRINTER_NOT_ACCEPTING);
        }
        return Optional.empty();
    }

    /**
     * What the printer lacks to print a certificate: PDF, A4 (when it lists its media) and, for
     * two-sided sheets, long-edge duplex. Empty when it can.
     */
    public Optional<String> missingCapability(boolean twoSided) {
        if (!documentFormats.contains(PDF)) {
            return Optional.of("document-format " + PDF + " not supported");
        }
        if (twoSided && !sides.contains(TWO_SIDED)) {
            return Optional.of("sides " + TWO_SIDED + " not supported");
        }
        if (!media.isEmpty() && !media.contains(A4)) {
            return Optional.of("media " + A4 + " not supported");
        }
        return Optional.empty();
    }
}
