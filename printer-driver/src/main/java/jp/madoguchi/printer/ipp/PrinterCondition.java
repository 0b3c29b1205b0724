package jp.madoguchi.printer.ipp;

import java.util.Locale;
import java.util.Optional;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * A printer condition the kiosk cares about, mapped from IPP {@code printer-state-reasons}
 * keywords (RFC 8011 §5.4.12 and PWG 5100 extensions). Keywords may carry a severity suffix
 * ({@code -error}, {@code -warning}, {@code -report}). A jam, an open door, no paper, no toner, an
 * offline or paused printer stop a certificate whatever the printer calls them, except a mere
 * {@code -report}: printers differ (ippeveprinter, for one, calls a jam during a job a
 * "warning"), and printing on into a jam is never right for a resident's certificate.
 */
public enum PrinterCondition {
    MEDIA_EMPTY(ErrorCode.PAPER_OUT),
    MEDIA_LOW(null),
    MEDIA_JAM(ErrorCode.PAPER_JAM),
    COVER_OPEN(ErrorCode.COVER_OPEN),
    TONER_EMPTY(ErrorCode.TONER_OUT),
    TONER_LOW(null),
    OFFLINE(ErrorCode.PRINTER_STOPPED),
    PAUSED(ErrorCode.PRINTER_STOPPED),
    /** Another error the printer reports (output tray full, tray missing, fuser, ...). */
    OTHER_ERROR(ErrorCode.PRINTER_STOPPED);

    private final ErrorCode blockingCode;

    PrinterCondition(ErrorCode blockingCode) {
        this.blockingCode = blockingCode;
    }

    /** The error to report when this condition stops a print; empty for warnings (low paper, low toner). */
    public Optional<ErrorCode> blockingCode() {
        return Optional.ofNullable(blockingCode);
    }

    /** A condition with the severity the printer gave it. */
    public record Reported(PrinterCondition condition, String keyword, boolean blocking) {}

    /**
     * Maps one {@code printer-state-reasons} keyword; empty for {@code none} and for keywords that
     * are neither known nor marked {@code -error}.
     */
    public static Optional<Reported> fromKeyword(String keyword) {
        String k = keyword.strip().toLowerCase(Locale.ROOT);
        String severity = "";
        for (String suffix : new String[] {"-error", "-warning", "-report"}) {
            if (k.endsWith(suffix)) {
                severity = suffix;
                k = k.substring(0, k.length() - suffix.length());
                break;
            }
        }
        PrinterCondition condition =
                switch (k) {
                    case "media-empty", "media-needed" -> MEDIA_EMPTY;
                    case "media-low" -> MEDIA_LOW;
                    case "media-jam", "jam" -> MEDIA_JAM;
                    case "door-open", "cover-open", "interlock-open" -> COVER_OPEN;
                    case "toner-empty", "marker-supply-empty" -> TONER_EMPTY;
                    case "toner-low", "marker-supply-low" -> TONER_LOW;
                    case "offline", "shutdown", "timed-out", "connecting-to-device" -> OFFLINE;
                    case "paused", "moving-to-paused", "stopping" -> PAUSED;
                    case "input-tray-missing",
                            "output-tray-missing",
                            "output-area-full",
                            "marker-waste-full",
                            "spool-area-full",
                            "fuser-over-temp",
                            "fuser-under-temp",
                            "opc-life-over" -> OTHER_ERROR;
                    case "none" -> null;
                    default -> severity.equals("-error") ? OTHER_ERROR : null;
                };
        if (condition == null) {
            return Optional.empty();
        }
        boolean blocking = condition.blockingCode != null && !severity.equals("-report");
        return Optional.of(new Reported(condition, keyword, blocking));
    }
}
