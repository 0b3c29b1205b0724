package jp.madoguchi.printer;

import java.util.Objects;

/**
 * The one unchecked exception of the printer driver. It carries an {@link ErrorCode} that callers
 * branch on and a message that says what to do. Messages never contain personal data: only ids,
 * counts, printer keywords and error codes.
 */
public final class PrinterException extends RuntimeException {

    /** What went wrong, with the default advice for the clerk or the developer. */
    public enum ErrorCode {
        /** The certificate printer did not answer on the network. */
        PRINTER_UNREACHABLE("The certificate printer does not answer. Check its power and network cable, then retry."),
        /** The printer answered, but not with valid IPP. */
        PRINTER_PROTOCOL_ERROR("The certificate printer sent an answer that is not valid IPP. Check the printer URI"
                + " (it must be the printer's IPP endpoint, e.g. ipp://host:631/ipp/print)."),
        /** The printer refused a request with an IPP error status. */
        PRINTER_REFUSED("The certificate printer refused the request. See the IPP status in the message."),
        /** The printer is out of paper. */
        PAPER_OUT("The printer is out of paper. Load A4 paper, then retry."),
        /** Paper is jammed. */
        PAPER_JAM("Paper is jammed in the printer. Open the printer, remove the jammed paper, close it, then retry."),
        /** A door or cover is open. */
        COVER_OPEN("A door or cover of the printer is open. Close it, then retry."),
        /** Toner or ink is empty. */
        TONER_OUT("The printer has run out of toner. Replace the toner cartridge, then retry."),
        /** The printer is stopped, paused or offline for another reason. */
        PRINTER_STOPPED("The printer is stopped or offline. Check the printer's panel and put it back online."),
        /** The printer does not accept jobs now. */
        PRINTER_NOT_ACCEPTING("The printer does not accept jobs now. Check the printer's panel and its queue."),
        /** The printer lacks a capability the certificate needs. */
        PRINTER_UNSUITABLE("The printer cannot print this certificate (it needs application/pdf, A4 and, for"
                + " documents with a back, two-sided printing). Configure a suitable printer."),
        /** The job did not finish within its time limit and was cancelled. */
        JOB_TIMED_OUT("The print job did not finish in time and was cancelled; the certificate is NOT printed."),
        /** The printer aborted the job. */
        JOB_ABORTED("The printer aborted the print job; the certificate is NOT printed. Check the printer."),
        /** Someone other than the kiosk cancelled the job. */
        JOB_CANCELED("The print job was cancelled at the printer; the certificate is NOT printed."),
        /** A cancelled job could not be confirmed gone from the printer. */
        JOB_NOT_REMOVED("A cancelled print job is still on the printer. A clerk must delete it on the printer"
                + " before the kiosk prints again."),
        /** The document cannot be printed as a certificate (not a PDF, not A4 portrait, ...). */
        UNSUPPORTED_DOCUMENT("The document cannot be printed as a certificate. The issuer must send an A4 portrait"
                + " PDF without form fields, layers or visible annotations."),
        /** The seal could not be signed by the issuer. */
        SEAL_SIGNING_FAILED("The issuer's seal could not be signed. Check the connection to the issuer (center)."),
        /** A seal or verification input is not what was expected. */
        SEAL_INPUT_INVALID("The seal data is not valid. Check the file or text given."),
        /** A trusted issuer certificate or key file could not be used. */
        TRUST_INVALID("A trusted issuer certificate or key could not be read. Give PEM certificates (and a 32-byte"
                + " scramble key file)."),
        /** The receipt printer is out of paper. */
        RECEIPT_PAPER_OUT("The receipt printer is out of paper. Load a new roll, then retry."),
        /** The receipt printer cover is open. */
        RECEIPT_COVER_OPEN("The receipt printer cover is open. Close it, then retry."),
        /** The receipt printer is offline or in error. */
        RECEIPT_PRINTER_OFFLINE("The receipt printer is offline or in error. Check its panel, paper and cutter."),
        /** The receipt printer cannot be reached or did not answer a status query in time. */
        RECEIPT_PRINTER_UNREACHABLE("The receipt printer does not answer. Check its power and cable (network, USB"
                + " or serial) and the configured address or device path."),
        /** The receipt printer stopped during a receipt; the receipt is incomplete. */
        RECEIPT_INCOMPLETE("The receipt printer stopped while printing; the receipt is incomplete and was discarded."
                + " Fix the printer, then print the receipt again."),
        /** A receipt's content is inconsistent (amounts that do not add up, text that cannot be printed). */
        RECEIPT_INVALID("The receipt content is not valid. This is a bug in the caller; see the message."),
        /** The JavaPOS vendor driver reported an error. */
        JAVAPOS_ERROR("The JavaPOS printer driver reported an error. Check the vendor driver configuration (jpos.xml)"
                + " and the printer.");

        private final String advice;

        ErrorCode(String advice) {
            this.advice = advice;
        }

        /** What to do about it, in one or two sentences. */
        public String advice() {
            return advice;
        }
    }

    private final ErrorCode code;

    /** An error with the code's default advice. */
    public PrinterException(ErrorCode code) {
        this(code, null, null);
    }

    /** An error with a detail (ids, keywords, counts only) followed by the code's advice. */
    public PrinterException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    /** An error with a detail and its cause. */
    public PrinterException(ErrorCode code, String detail, Throwable cause) {
        super(message(code, detail), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    private static String message(ErrorCode code, String detail) {
        String base = code.name() + ": " + code.advice();
        return detail == null || detail.isBlank() ? base : base + " (" + detail + ")";
    }

    /** The error code to branch on. */
    public ErrorCode code() {
        return code;
    }
}
