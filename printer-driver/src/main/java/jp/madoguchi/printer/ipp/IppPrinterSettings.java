package jp.madoguchi.printer.ipp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * Where the certificate printer is and how patiently to talk to it.
 *
 * @param printerUri the printer's IPP URI, e.g. {@code ipp://192.0.2.10:631/ipp/print}
 * @param requestTimeout the longest wait for one IPP answer (a status query, a cancel)
 * @param pollInterval how often a running job is checked
 * @param cancelGrace how long to wait for a cancelled job to leave the printer
 * @param userName requesting-user-name sent with jobs (the kiosk id, never a resident's name)
 */
public record IppPrinterSettings(
        URI printerUri, Duration requestTimeout, Duration pollInterval, Duration cancelGrace, String userName) {

    public IppPrinterSettings {
        Objects.requireNonNull(printerUri, "printerUri");
        String scheme =
                printerUri.getScheme() == null ? "" : printerUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ipp") && !scheme.equals("ipps") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new PrinterException(
                    ErrorCode.PRINTER_PROTOCOL_ERROR,
                    "printer URI must be ipp://, ipps://, http:// or https:// (got scheme '" + scheme + "')");
        }
        if (printerUri.getHost() == null) {
            throw new PrinterException(ErrorCode.PRINTER_PROTOCOL_ERROR, "printer URI has no host: " + printerUri);
        }
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("pollInterval", pollInterval);
        requirePositive("cancelGrace", cancelGrace);
        Objects.requireNonNull(userName, "userName");
    }

    /** Settings with defaults suited to a store kiosk: 10 s per request, poll every 500 ms, 30 s to cancel. */
    public static IppPrinterSettings forPrinter(URI printerUri) {
        return new IppPrinterSettings(
                printerUri, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30), "madoguchi-kiosk");
    }

    public IppPrinterSettings withRequestTimeout(Duration value) {
        return new IppPrinterSettings(printerUri, value, pollInterval, cancelGrace, userName);
    }

    public IppPrinterSettings withPollInterval(Duration value) {
        return new IppPrinterSettings(printerUri, requestTimeout, value, cancelGrace, userName);
    }

    public IppPrinterSettings withCancelGrace(Duration value) {
        return new IppPrinterSettings(printerUri, requestTimeout, pollInterval, value, userName);
    }

    public IppPrinterSettings withUserName(String value) {
        return new IppPrinterSettings(printerUri, requestTimeout, pollInterval, cancelGrace, value);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
