package jp.madoguchi.kiosk.clerk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.money.Yen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the kiosk's logs to a directory (a USB stick's mount point) for the operator's help
 * desk: transactions with their states, counts and money; every state change with its code; the
 * clerk records; and a manifest with each file's SHA-256. The files are written from typed
 * journal records through {@link LogCell}, which accepts no free text, so no name, address,
 * PIN or certificate content can reach the stick — not by filtering, but because the export has
 * no way to carry it. Each file is flushed to the device before the export reports success.
 */
public final class LogExport {
    private static final Logger LOG = LoggerFactory.getLogger(LogExport.class);
    private static final DateTimeFormatter FOLDER =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Asia/Tokyo"));

    /** What was written: the folder and its files. */
    public record Result(Path folder, List<Path> files, int transactions, int stateChanges, int clerkEvents) {}

    private final ClerkJournal records;
    private final String kioskId;
    private final Clock clock;

    public LogExport(ClerkJournal records, String kioskId, Clock clock) {
        this.records = records;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    /** Exports everything the journal holds. */
    public Result exportAll(Path target) {
        return export(target, records.firstRecord(), clock.instant().plusMillis(1));
    }

    /**
     * Exports records from {@code from} (inclusive) to {@code to} (exclusive) into a new folder
     * {@code madoguchi-logs-<kiosk>-<time>} under {@code target}.
     *
     * @throws ClerkActionRefused EXPORT_TARGET_UNUSABLE when {@code target} is not a writable
     *     directory (no stick mounted) or writing fails (stick full or pulled out)
     */
    public Result export(Path target, Instant from, Instant to) {
        if (!Files.isDirectory(target) || !Files.isWritable(target)) {
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.EXPORT_TARGET_UNUSABLE,
                    target + " is not a writable directory: insert the USB stick and check that it is mounted there");
        }
        Path folder = target.resolve("madoguchi-logs-" + kioskId + "-" + FOLDER.format(clock.instant()));
        try {
            Files.createDirectories(folder);
            List<TransactionSummary> transactions = records.transactions(from, to);
            List<StateChange> changes = records.stateChanges(from, to);
            List<ClerkEvent> clerk = records.events(from, to);
            List<Path> files = new ArrayList<>();
            List<String> manifest = new ArrayList<>();
            files.add(write(
                    folder.resolve("transactions.csv"),
                    "transaction,started_at,state,municipality,copies_ordered,copies_printed,printed_fees_yen,"
                            + "inserted_yen,change_paid_yen,refunds_paid_yen,vouchers_owed_yen,last_code",
                    transactions.stream()
                            .map(t -> List.of(
                                    LogCell.of(t.id()),
                                    LogCell.of(t.startedAt()),
                                    LogCell.of(t.state()),
                                    t.municipalityCode().map(LogCell::of).orElse(LogCell.empty()),
                                    LogCell.of(t.copiesOrdered()),
                                    LogCell.of(t.copiesPrinted()),
                                    LogCell.of(t.printedFees()),
                                    LogCell.of(t.inserted()),
                                    LogCell.of(t.changePaid()),
                                    LogCell.of(t.refundsPaid()),
                                    LogCell.of(t.vouchersOwed()),
                                    LogCell.ofCode(t.lastCode())))
                            .toList(),
                    manifest));
            files.add(write(
                    folder.resolve("state_changes.csv"),
                    "transaction,at,state,code",
                    changes.stream()
                            .map(c -> List.of(
                                    LogCell.of(c.transactionId()),
                                    LogCell.of(c.at()),
                                    LogCell.of(c.state()),
                                    LogCell.ofCode(c.code())))
                            .toList(),
                    manifest));
            files.add(write(
                    folder.resolve("clerk_events.csv"),
                    "seq,at,kind,transaction,amount_yen,expected_yen,count,code",
                    clerk.stream()
                            .map(e -> List.of(
                                    LogCell.of(e.seq()),
                                    LogCell.of(e.at()),
                                    LogCell.of(e.kind()),
                                    e.transactionId().map(LogCell::of).orElse(LogCell.empty()),
                                    LogCell.of(e.amount()),
                                    LogCell.of(e.expectedAmount()),
                                    LogCell.of(e.count()),
                                    LogCell.ofCode(e.code())))
                            .toList(),
                    manifest));
            manifest.add(0, "from " + from + " to " + to);
            manifest.add(0, "madoguchi log export, kiosk " + kioskId);
            Path manifestFile = folder.resolve("manifest.txt");
            writeSynced(manifestFile, String.join("\n", manifest) + "\n");
            files.add(manifestFile);
            records.record(
                    ClerkEventKind.LOGS_EXPORTED,
                    Optional.empty(),
                    Yen.ZERO,
                    Yen.ZERO,
                    files.size(),
                    Optional.of(new Code("USB")));
            LOG.info(
                    "logs exported: {} transactions, {} state changes, {} clerk records",
                    transactions.size(),
                    changes.size(),
                    clerk.size());
            return new Result(folder, List.copyOf(files), transactions.size(), changes.size(), clerk.size());
        } catch (IOException e) {
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.EXPORT_TARGET_UNUSABLE,
                    "writing to " + folder + " failed (" + e.getMessage()
                            + "): check that the USB stick has space and stays inserted, then export again",
                    e);
        }
    }

    private static Path write(Path file, String header, List<List<LogCell>> rows, List<String> manifest)
            throws IOException {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (List<LogCell> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(row.get(i).text());
            }
            csv.append('\n');
        }
        byte[] bytes = writeSynced(file, csv.toString());
        manifest.add(file.getFileName() + " rows=" + rows.size() + " sha256=" + sha256(bytes));
        return file;
    }

    private static byte[] writeSynced(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true); // the clerk pulls the stick out right after "done"
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
