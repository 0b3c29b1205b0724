package jp.madoguchi.printer.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.ipp.internal.IppExchange;
import jp.madoguchi.printer.seal.PrintableCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints sealed certificates on an IPP Everywhere printer.
 *
 * <p>Before a job: Get-Printer-Attributes (state, reasons, PDF, A4, duplex). The job: Print-Job
 * with {@code application/pdf}, A4, {@code two-sided-long-edge} when sheets have a back, with
 * {@code ipp-attribute-fidelity} so the printer refuses rather than prints something else. Then
 * Get-Job-Attributes and Get-Printer-Attributes every poll interval until the job completes, is
 * aborted or cancelled. A job that exceeds its time limit, or meets a blocking printer condition
 * (jam, no paper, door open, toner out, offline), is cancelled with Cancel-Job and reported NOT
 * printed with the pages known printed; the cancel is followed until the printer confirms it.
 */
public final class IppCertificatePrinter implements CertificatePrinter {
    private static final Logger LOG = LoggerFactory.getLogger(IppCertificatePrinter.class);

    private final IppPrinterSettings settings;
    private final IppExchange ipp;

    public IppCertificatePrinter(IppPrinterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ipp = new IppExchange(settings.printerUri(), settings.requestTimeout());
    }

    public IppPrinterSettings settings() {
        return settings;
    }

    @Override
    public PrinterStatus status() {
        try {
            return readStatus();
        } catch (PrinterException e) {
            if (e.code() == ErrorCode.PRINTER_UNREACHABLE) {
                return PrinterStatus.unreachable(e.getMessage());
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PrinterStatus.unreachable("interrupted while asking the printer");
        }
    }

    @Override
    public PrintOutcome print(PrintableCertificate certificate, Duration timeLimit) {
        Objects.requireNonNull(certificate, "certificate");
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        String documentId = certificate.documentId();
        try {
            PrinterStatus status = readStatus();
            Optional<ErrorCode> blocking = status.blockingProblem();
            if (blocking.isPresent()) {
                LOG.info("certificate {} not sent: printer {} {}", documentId, status.state(), status.reasons());
                return PrintOutcome.notPrinted(
                        blocking.get(),
                        OptionalInt.empty(),
                        0,
                        List.copyOf(status.conditionSet()),
                        false,
                        "printer " + status.state() + " " + status.reasons());
            }
            Optional<String> missing = status.missingCapability(certificate.twoSided());
            if (missing.isPresent()) {
                return PrintOutcome.notPrinted(
                        ErrorCode.PRINTER_UNSUITABLE, OptionalInt.empty(), 0, List.of(), false, missing.get());
            }
        } catch (PrinterException e) {
            return PrintOutcome.notPrinted(e.code(), OptionalInt.empty(), 0, List.of(), false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PrintOutcome.notPrinted(
                    ErrorCode.JOB_CANCELED, OptionalInt.empty(), 0, List.of(), false, "interrupted before printing");
        }

        int jobId;
        try {
            jobId = submit(certificate, deadline);
        } catch (PrinterException e) {
            if (e.code() == ErrorCode.PRINTER_REFUSED) {
                return PrintOutcome.notPrinted(e.code(), OptionalInt.empty(), 0, List.of(), false, e.getMessage());
            }
            // The printer may have created the job before the answer was lost: find it and cancel it.
            boolean clean = cancelOrphans(documentId);
            LOG.warn("certificate {} submit failed ({}); orphan jobs removed: {}", documentId, e.code(), clean);
            return PrintOutcome.notPrinted(
                    clean ? e.code() : ErrorCode.JOB_NOT_REMOVED,
                    OptionalInt.empty(),
                    0,
                    List.of(),
                    !clean,
                    e.getMessage());
        } catch (InterruptedException e) {
            boolean clean = cancelOrphansInterrupted(documentId);
            return PrintOutcome.notPrinted(
                    clean ? ErrorCode.JOB_CANCELED : ErrorCode.JOB_NOT_REMOVED,
                    OptionalInt.empty(),
                    0,
                    List.of(),
                    !clean,
                    "interrupted while sending the job");
        }
        LOG.info(
                "certificate {} sent as job {} ({} sheets, two-sided {})",
                documentId,
                jobId,
                certificate.sheets(),
                certificate.twoSided());
        return follow(jobId, deadline);
    }

    private int submit(PrintableCertificate certificate, long deadline) throws InterruptedException {
        IppPacket request = IppPacket.printJob(settings.printerUri())
                .setRequestId(ipp.nextRequestId())
                .putOperationAttributes(
                        Types.requestingUserName.of(settings.userName()),
                        Types.jobName.of(certificate.documentId()),
                        Types.ippAttributeFidelity.of(true),
                        Types.documentFormat.of(PrinterStatus.PDF))
                .putJobAttributes(
                        Types.media.of(PrinterStatus.A4),
                        Types.sides.of(certificate.twoSided() ? PrinterStatus.TWO_SIDED : "one-sided"))
                .build();
        Duration timeout = max(settings.requestTimeout(), remaining(deadline));
        IppPacket response = ipp.send(request, certificate.pdf(), timeout);
        if (!successful(response)) {
            throw new PrinterException(
                    ErrorCode.PRINTER_REFUSED,
                    "Print-Job: " + response.getStatus().getName());
        }
        Integer jobId = response.getValue(Tag.jobAttributes, Types.jobId);
        if (jobId == null) {
            throw new PrinterException(ErrorCode.PRINTER_PROTOCOL_ERROR, "Print-Job answer has no job-id");
        }
        return jobId;
    }

    /** What one look at the job said. */
    private record JobView(JobState state, List<String> reasons, int impressions) {
        boolean terminal() {
            return state.equals(JobState.completed)
                    || state.equals(JobState.aborted)
                    || state.equals(JobState.canceled);
        }
    }

    private PrintOutcome follow(int jobId, long deadline) {
        Set<PrinterCondition> seen = EnumSet.noneOf(PrinterCondition.class);
        int pages = 0;
        String lastProblem = "";
        try {
            while (true) {
                try {
                    JobView job = readJob(jobId);
                    pages = Math.max(pages, job.impressions());
                    if (job.terminal()) {
                        return finished(
                                jobId,
                                job,
                                seen,
                                "job " + jobId + " " + job.state().getName());
                    }
                    PrinterStatus printer = readStatus();
                    seen.addAll(printer.conditionSet());
                    Optional<ErrorCode> blocking = printer.blockingProblem();
                    if (blocking.isPresent()) {
                        LOG.warn(
                                "job {} meets printer condition {} {}: cancelling",
                                jobId,
                                blocking.get(),
                                printer.reasons());
                        return cancel(
                                jobId,
                                blocking.get(),
                                pages,
                                seen,
                                "printer " + printer.state() + " " + printer.reasons());
                    }
                } catch (PrinterException e) {
                    if (e.code() != ErrorCode.PRINTER_UNREACHABLE && e.code() != ErrorCode.PRINTER_PROTOCOL_ERROR) {
                        throw e;
                    }
                    // A printer busy with a job may miss a poll; keep asking until the deadline.
                    lastProblem = e.getMessage();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("job {} not finished within its time limit: cancelling", jobId);
                    return cancel(
                            jobId,
                            ErrorCode.JOB_TIMED_OUT,
                            pages,
                            seen,
                            lastProblem.isEmpty() ? "time limit reached" : "time limit reached; " + lastProblem);
                }
                Thread.sleep(Math.max(1, Math.min(settings.pollInterval().toMillis(), left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            PrintOutcome outcome = cancelInterrupted(jobId, pages, seen);
            Thread.currentThread().interrupt();
            return outcome;
        }
    }

    private PrintOutcome finished(int jobId, JobView job, Set<PrinterCondition> seen, String detail) {
        if (job.state().equals(JobState.completed)) {
            LOG.info("job {} completed ({} impressions)", jobId, job.impressions());
            return PrintOutcome.printed(jobId, job.impressions(), detail);
        }
        ErrorCode code = job.state().equals(JobState.aborted) ? ErrorCode.JOB_ABORTED : ErrorCode.JOB_CANCELED;
        LOG.warn("job {} ended {} {}", jobId, job.state().getName(), job.reasons());
        return PrintOutcome.notPrinted(
                code, OptionalInt.of(jobId), job.impressions(), List.copyOf(seen), false, detail + " " + job.reasons());
    }

    /** Cancels a job and follows it until the printer confirms it gone, within the cancel grace. */
    private PrintOutcome cancel(int jobId, ErrorCode cause, int pages, Set<PrinterCondition> seen, String detail)
            throws InterruptedException {
        long graceEnd = System.nanoTime() + settings.cancelGrace().toNanos();
        boolean requested = false;
        while (true) {
            try {
                if (!requested) {
                    IppPacket response = ipp.send(
                            IppPacket.cancelJob(settings.printerUri(), jobId)
                                    .setRequestId(ipp.nextRequestId())
                                    .putOperationAttributes(Types.requestingUserName.of(settings.userName()))
                                    .build(),
                            null,
                            settings.requestTimeout());
                    // "not possible" means the job already ended; the state below says how.
                    requested = true;
                    LOG.info(
                            "job {} cancel requested: {}",
                            jobId,
                            response.getStatus().getName());
                }
                JobView job = readJob(jobId);
                pages = Math.max(pages, job.impressions());
                if (job.terminal()) {
                    if (job.state().equals(JobState.completed)) {
                        // It finished before the cancel took effect: the sheets are out, so it counts as printed.
                        LOG.warn("job {} completed before its cancel took effect", jobId);
                        return PrintOutcome.printed(jobId, job.impressions(), "completed before cancel; " + detail);
                    }
                    return PrintOutcome.notPrinted(
                            cause,
                            OptionalInt.of(jobId),
                            pages,
                            List.copyOf(seen),
                            false,
                            detail + "; job " + jobId + " " + job.state().getName());
                }
            } catch (PrinterException e) {
                if (e.code() != ErrorCode.PRINTER_UNREACHABLE && e.code() != ErrorCode.PRINTER_PROTOCOL_ERROR) {
                    throw e;
                }
            }
            long left = graceEnd - System.nanoTime();
            if (left <= 0) {
                LOG.error("job {} still on the printer after cancel ({}); a clerk must delete it", jobId, cause);
                return PrintOutcome.notPrinted(
                        ErrorCode.JOB_NOT_REMOVED,
                        OptionalInt.of(jobId),
                        pages,
                        List.copyOf(seen),
                        true,
                        cause + ": " + detail + "; cancel not confirmed");
            }
            Thread.sleep(Math.max(1, Math.min(settings.pollInterval().toMillis(), left / 1_000_000)));
        }
    }

    private PrintOutcome cancelInterrupted(int jobId, int pages, Set<PrinterCondition> seen) {
        try {
            return cancel(jobId, ErrorCode.JOB_CANCELED, pages, seen, "interrupted");
        } catch (InterruptedException again) {
            return PrintOutcome.notPrinted(
                    ErrorCode.JOB_NOT_REMOVED,
                    OptionalInt.of(jobId),
                    pages,
                    List.copyOf(seen),
                    true,
                    "interrupted twice while cancelling");
        }
    }

    /** Cancels any unfinished job of ours named after the document; true when none is left. */
    private boolean cancelOrphans(String documentId) {
        try {
            IppPacket response = ipp.send(
                    IppPacket.getJobs(settings.printerUri(), Types.jobId, Types.jobName, Types.jobState)
                            .setRequestId(ipp.nextRequestId())
                            .putOperationAttributes(
                                    Types.requestingUserName.of(settings.userName()),
                                    Types.whichJobs.of("not-completed"),
                                    Types.myJobs.of(true))
                            .build(),
                    null,
                    settings.requestTimeout());
            if (!successful(response)) {
                return false;
            }
            List<Integer> orphans = new ArrayList<>();
            for (AttributeGroup group : response.getAttributeGroups()) {
                if (group.getTag().equals(Tag.jobAttributes) && documentId.equals(group.getString(Types.jobName))) {
                    Integer id = group.getValue(Types.jobId);
                    if (id != null) {
                        orphans.add(id);
                    }
                }
            }
            boolean clean = true;
            for (int id : orphans) {
                LOG.warn("cancelling orphan job {} of certificate {}", id, documentId);
                PrintOutcome outcome =
                        cancel(id, ErrorCode.JOB_CANCELED, 0, EnumSet.noneOf(PrinterCondition.class), "orphan");
                clean &= !outcome.jobLeftOnPrinter();
            }
            return clean;
        } catch (PrinterException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean cancelOrphansInterrupted(String documentId) {
        Thread.interrupted();
        boolean clean = cancelOrphans(documentId);
        Thread.currentThread().interrupt();
        return clean;
    }

    private JobView readJob(int jobId) throws InterruptedException {
        IppPacket response = ipp.send(
                IppPacket.getJobAttributes(
                                settings.printerUri(),
                                jobId,
                                Types.jobState,
                                Types.jobStateReasons,
                                Types.jobImpressionsCompleted,
                                Types.jobMediaSheetsCompleted)
                        .setRequestId(ipp.nextRequestId())
                        .putOperationAttributes(Types.requestingUserName.of(settings.userName()))
                        .build(),
                null,
                settings.requestTimeout());
        if (!successful(response)) {
            throw new PrinterException(
                    ErrorCode.PRINTER_REFUSED,
                    "Get-Job-Attributes " + jobId + ": " + response.getStatus().getName());
        }
        AttributeGroup job = response.get(Tag.jobAttributes);
        JobState state = job == null ? null : job.getValue(Types.jobState);
        if (state == null) {
            throw new PrinterException(ErrorCode.PRINTER_PROTOCOL_ERROR, "job " + jobId + " has no job-state");
        }
        Integer impressions = job.getValue(Types.jobImpressionsCompleted);
        return new JobView(state, job.getStrings(Types.jobStateReasons), impressions == null ? 0 : impressions);
    }

    private PrinterStatus readStatus() throws InterruptedException {
        IppPacket response = ipp.send(
                IppPacket.getPrinterAttributes(
                                settings.printerUri(),
                                Types.printerState,
                                Types.printerStateReasons,
                                Types.printerStateMessage,
                                Types.printerIsAcceptingJobs,
                                Types.documentFormatSupported,
                                Types.sidesSupported,
                                Types.mediaSupported)
                        .setRequestId(ipp.nextRequestId())
                        .putOperationAttributes(Types.requestingUserName.of(settings.userName()))
                        .build(),
                null,
                settings.requestTimeout());
        if (!successful(response)) {
            throw new PrinterException(
                    ErrorCode.PRINTER_REFUSED,
                    "Get-Printer-Attributes: " + response.getStatus().getName());
        }
        AttributeGroup printer = response.get(Tag.printerAttributes);
        if (printer == null || printer.getValue(Types.printerState) == null) {
            throw new PrinterException(ErrorCode.PRINTER_PROTOCOL_ERROR, "the printer did not report printer-state");
        }
        PrinterState state =
                switch (printer.getValue(Types.printerState).getCode()) {
                    case 3 -> PrinterState.IDLE;
                    case 4 -> PrinterState.PROCESSING;
                    default -> PrinterState.STOPPED;
                };
        List<String> reasons = printer.getStrings(Types.printerStateReasons);
        List<PrinterCondition.Reported> conditions = new ArrayList<>();
        for (String reason : reasons) {
            PrinterCondition.fromKeyword(reason).ifPresent(conditions::add);
        }
        Boolean accepting = printer.getValue(Types.printerIsAcceptingJobs);
        String message = printer.getString(Types.printerStateMessage);
        return new PrinterStatus(
                state,
                conditions,
                reasons,
                accepting == null || accepting,
                Set.copyOf(printer.getStrings(Types.documentFormatSupported)),
                Set.copyOf(printer.getStrings(Types.sidesSupported)),
                Set.copyOf(printer.getStrings(Types.mediaSupported)),
                message == null ? "" : message,
                "");
    }

    private static boolean successful(IppPacket response) {
        return response.getCode() >= 0 && response.getCode() < 0x0100;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
