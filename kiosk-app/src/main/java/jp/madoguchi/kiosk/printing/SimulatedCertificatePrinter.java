package jp.madoguchi.kiosk.printing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.ipp.CertificatePrinter;
import jp.madoguchi.printer.ipp.PrintOutcome;
import jp.madoguchi.printer.ipp.PrinterCondition;
import jp.madoguchi.printer.ipp.PrinterState;
import jp.madoguchi.printer.ipp.PrinterStatus;
import jp.madoguchi.printer.seal.PrintableCertificate;

/**
 * A certificate printer in memory: it counts sheets, runs out of paper, jams on a chosen job and
 * can take longer than the job's time limit (the Yokohama failure). It keeps only the document
 * ids and sheet counts of what it printed, never the PDF.
 */
public final class SimulatedCertificatePrinter implements CertificatePrinter {
    /** One finished job: the document id and sheets that came out. */
    public record PrintedJob(int jobId, String documentId, int sheets) {}

    private int paperSheets;
    private int jamOnJob = -1;
    private Duration jobDuration = Duration.ZERO;
    private int nextJob = 1;
    private final List<PrintedJob> printed = new ArrayList<>();
    private final java.util.Map<Integer, byte[]> output = new java.util.LinkedHashMap<>();
    private boolean keepOutput;

    /** A printer loaded with {@code paperSheets} sheets of A4. */
    public SimulatedCertificatePrinter(int paperSheets) {
        this.paperSheets = paperSheets;
    }

    /** Loads (or empties, with 0) the paper tray. */
    public synchronized void loadPaper(int sheets) {
        this.paperSheets = sheets;
    }

    /** Jams during the {@code n}-th job from now (1 = the next one). */
    public synchronized void jamOnJob(int n) {
        this.jamOnJob = nextJob + n - 1;
    }

    /** Every job takes this long (a job longer than its time limit is cancelled and not printed). */
    public synchronized void jobDuration(Duration duration) {
        this.jobDuration = duration;
    }

    /**
     * The demo's output tray: keep a copy of each printed PDF in memory (never on disk) so the
     * simulator control window can show it. Off by default: the engine wipes documents after
     * printing and a kiosk keeps nothing.
     */
    public synchronized void keepOutput(boolean keep) {
        this.keepOutput = keep;
        if (!keep) {
            output.clear();
        }
    }

    /** The PDF of printed job {@code jobId}, when {@link #keepOutput} is on. */
    public synchronized java.util.Optional<byte[]> output(int jobId) {
        return java.util.Optional.ofNullable(output.get(jobId)).map(byte[]::clone);
    }

    /** What came out, oldest first. */
    public synchronized List<PrintedJob> printedJobs() {
        return List.copyOf(printed);
    }

    @Override
    public synchronized PrinterStatus status() {
        List<PrinterCondition.Reported> conditions = paperSheets == 0
                ? List.of(new PrinterCondition.Reported(PrinterCondition.MEDIA_EMPTY, "media-empty-error", true))
                : List.of();
        return new PrinterStatus(
                PrinterState.IDLE,
                conditions,
                conditions.stream().map(PrinterCondition.Reported::keyword).toList(),
                true,
                Set.of(PrinterStatus.PDF),
                Set.of("one-sided", PrinterStatus.TWO_SIDED),
                Set.of(PrinterStatus.A4),
                "",
                "");
    }

    @Override
    public synchronized PrintOutcome print(PrintableCertificate certificate, Duration timeLimit) {
        int job = nextJob++;
        if (jobDuration.compareTo(timeLimit) > 0) {
            return notPrinted(ErrorCode.JOB_TIMED_OUT, job, 0, List.of(), "job " + job + " exceeded " + timeLimit);
        }
        if (job == jamOnJob) {
            int out = Math.min(paperSheets, Math.max(0, certificate.sheets() - 1));
            paperSheets -= out;
            return notPrinted(
                    ErrorCode.PAPER_JAM, job, out, List.of(PrinterCondition.MEDIA_JAM), "job " + job + " jammed");
        }
        if (paperSheets < certificate.sheets()) {
            int out = paperSheets;
            paperSheets = 0;
            return notPrinted(
                    ErrorCode.PAPER_OUT,
                    job,
                    out,
                    List.of(PrinterCondition.MEDIA_EMPTY),
                    "job " + job + " media-empty");
        }
        paperSheets -= certificate.sheets();
        printed.add(new PrintedJob(job, certificate.documentId(), certificate.sheets()));
        if (keepOutput) {
            output.put(job, certificate.pdf().clone());
        }
        return new PrintOutcome(
                true,
                OptionalInt.of(job),
                certificate.pdfPages(),
                Optional.empty(),
                List.of(),
                false,
                "job " + job + " completed");
    }

    private static PrintOutcome notPrinted(
            ErrorCode code, int job, int pages, List<PrinterCondition> conditions, String detail) {
        return new PrintOutcome(false, OptionalInt.of(job), pages, Optional.of(code), conditions, false, detail);
    }
}
