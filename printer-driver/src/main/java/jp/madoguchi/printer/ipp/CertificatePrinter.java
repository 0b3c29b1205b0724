package jp.madoguchi.printer.ipp;

import java.time.Duration;
import jp.madoguchi.printer.seal.PrintableCertificate;

/** The A4 printer certificates come out of. */
public interface CertificatePrinter {

    /** Asks the printer for its state; never throws for an unreachable printer (state UNREACHABLE). */
    PrinterStatus status();

    /**
     * Prints a sealed certificate and follows the job to its end. Returns within {@code timeLimit}
     * plus the settings' cancel grace: a job that is not finished by then is cancelled and
     * reported NOT printed. Never leaves a job behind silently ({@link PrintOutcome#jobLeftOnPrinter()}).
     */
    PrintOutcome print(PrintableCertificate certificate, Duration timeLimit);
}
