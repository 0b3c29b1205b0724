package jp.madoguchi.printer.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.SampleCertificate;
import jp.madoguchi.printer.TestIssuer;
import jp.madoguchi.printer.ipp.ScriptedIppPrinter.JobBehaviour;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.PrintableCertificate;
import jp.madoguchi.printer.seal.ScrambleKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Printer faults that ippeveprinter cannot produce, against a scripted IPP printer on loopback. */
class ScriptedIppPrinterTest {
    static PrintableCertificate certificate;

    ScriptedIppPrinter printer;
    IppCertificatePrinter kiosk;

    @BeforeAll
    static void seal() {
        try (AntiForgeryOverlay overlay =
                new AntiForgeryOverlay(TestIssuer.ec("131016").signer(), ScrambleKey.generate(new SecureRandom()))) {
            certificate = overlay.apply(
                    SampleCertificate.onePage(),
                    new CertificateMetadata("DOC-S-1", "131016", LocalDate.of(2025, 1, 6)));
        }
    }

    @BeforeEach
    void start() throws IOException {
        printer = new ScriptedIppPrinter();
        kiosk = new IppCertificatePrinter(IppPrinterSettings.forPrinter(printer.uri())
                .withPollInterval(Duration.ofMillis(20))
                .withRequestTimeout(Duration.ofSeconds(2))
                .withCancelGrace(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        printer.close();
    }

    @Test
    void openDoorBeforeTheJobSendsNoJob() {
        printer.printerState = 5;
        printer.reasons = List.of("door-open-error");

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));

        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.failure()).contains(ErrorCode.COVER_OPEN);
        assertThat(printer.operations).doesNotContain("Print-Job");
    }

    @Test
    void offlinePrinterBeforeTheJobSendsNoJob() {
        printer.printerState = 5;
        printer.reasons = List.of("offline-report", "none");

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));

        assertThat(outcome.failure()).contains(ErrorCode.PRINTER_STOPPED);
        assertThat(printer.operations).doesNotContain("Print-Job");
    }

    @Test
    void emptyTonerOrPaperBlocksButLowPaperOnlyWarns() {
        printer.reasons = List.of("toner-empty-error");
        assertThat(kiosk.print(certificate, Duration.ofSeconds(5)).failure()).contains(ErrorCode.TONER_OUT);

        printer.reasons = List.of("media-empty");
        assertThat(kiosk.print(certificate, Duration.ofSeconds(5)).failure()).contains(ErrorCode.PAPER_OUT);

        printer.reasons = List.of("media-low-warning");
        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));
        assertThat(outcome.printed()).isTrue();
        assertThat(kiosk.status().conditionSet()).containsExactly(PrinterCondition.MEDIA_LOW);
    }

    @Test
    void printerWithoutDuplexIsUnsuitableForSheetsWithABack() {
        printer.sides = List.of("one-sided");

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));

        assertThat(outcome.failure()).contains(ErrorCode.PRINTER_UNSUITABLE);
        assertThat(outcome.detail()).contains("two-sided-long-edge");
        assertThat(printer.operations).doesNotContain("Print-Job");
    }

    @Test
    void jobAbortedByThePrinterIsNotPrinted() {
        printer.jobBehaviour = JobBehaviour.ABORTS;

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));

        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.failure()).contains(ErrorCode.JOB_ABORTED);
        assertThat(outcome.pagesKnownPrinted()).isEqualTo(1);
    }

    @Test
    void cancelThePrinterNeverCarriesOutIsReportedAsAJobLeftBehind() {
        printer.jobBehaviour = JobBehaviour.IGNORES_CANCEL;

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofMillis(200));

        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.failure()).contains(ErrorCode.JOB_NOT_REMOVED);
        assertThat(outcome.jobLeftOnPrinter()).isTrue();
        assertThat(outcome.detail()).contains("JOB_TIMED_OUT");
        assertThat(printer.operations).contains("Cancel-Job");
    }

    @Test
    void jobWhoseAnswerWasLostIsFoundAndCancelled() {
        printer.jobBehaviour = JobBehaviour.ANSWER_LOST;

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));

        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.failure()).contains(ErrorCode.PRINTER_UNREACHABLE);
        assertThat(outcome.jobLeftOnPrinter()).isFalse();
        assertThat(printer.operations).contains("Get-Jobs", "Cancel-Job");
        assertThat(printer.unfinishedJobs()).isEmpty();
    }

    @Test
    void answerThatIsNotIppIsAProtocolError() {
        printer.answerGarbage = true;

        PrintOutcome outcome = kiosk.print(certificate, Duration.ofSeconds(5));

        assertThat(outcome.failure()).contains(ErrorCode.PRINTER_PROTOCOL_ERROR);
        assertThat(outcome.jobId()).isEmpty();
    }

    @Test
    void severitySuffixesAreUnderstood() {
        assertThat(PrinterCondition.fromKeyword("media-jam-warning"))
                .hasValueSatisfying(r -> assertThat(r.blocking()).isTrue());
        assertThat(PrinterCondition.fromKeyword("media-jam-report"))
                .hasValueSatisfying(r -> assertThat(r.blocking()).isFalse());
        assertThat(PrinterCondition.fromKeyword("toner-low"))
                .hasValueSatisfying(r -> assertThat(r.blocking()).isFalse());
        assertThat(PrinterCondition.fromKeyword("none")).isEmpty();
        assertThat(PrinterCondition.fromKeyword("vendor-specific-thing-report")).isEmpty();
        assertThat(PrinterCondition.fromKeyword("vendor-specific-thing-error"))
                .hasValueSatisfying(r -> assertThat(r.condition()).isEqualTo(PrinterCondition.OTHER_ERROR));
    }
}
