package jp.madoguchi.printer.ipp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * How a certificate print ended. The kiosk charges and reports a copy as issued only when
 * {@link #printed()}; anything else is NOT printed, whatever the number of pages that came out.
 *
 * @param printed the printer reported the job completed
 * @param jobId the printer's job id, when a job was created
 * @param pagesKnownPrinted impressions (page sides) the printer reported completed; 0 when unknown
 * @param failure why it was not printed; empty when printed
 * @param conditions printer conditions seen while printing (jam, empty, ...)
 * @param jobLeftOnPrinter true when a job could not be confirmed removed from the printer — a clerk
 *     must delete it before the next print (see {@link ErrorCode#JOB_NOT_REMOVED})
 * @param detail ids, keywords and states for the journal and the clerk (never personal data)
 */
public record PrintOutcome(
        boolean printed,
        OptionalInt jobId,
        int pagesKnownPrinted,
        Optional<ErrorCode> failure,
        List<PrinterCondition> conditions,
        boolean jobLeftOnPrinter,
        String detail) {

    public PrintOutcome {
        conditions = List.copyOf(conditions);
    }

    static PrintOutcome printed(int jobId, int pages, String detail) {
        return new PrintOutcome(true, OptionalInt.of(jobId), pages, Optional.empty(), List.of(), false, detail);
    }

    static PrintOutcome notPrinted(
            ErrorCode failure,
            OptionalInt jobId,
            int pages,
            List<PrinterCondition> conditions,
            boolean jobLeftOnPrinter,
            String detail) {
        return new PrintOutcome(false, jobId, pages, Optional.of(failure), conditions, jobLeftOnPrinter, detail);
    }
}
