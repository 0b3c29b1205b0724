package jp.madoguchi.kiosk.settlement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.clerk.ClerkEventKind;
import jp.madoguchi.kiosk.clerk.ClerkJournal;
import jp.madoguchi.kiosk.clerk.Code;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.LedgerEntry;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Writes per-municipality monthly statements as CSV and PDF files: {@code
 * statement-<municipality>-<yyyy-MM>.csv} and {@code .pdf}, from the fee ledger.
 */
public final class MonthlyStatements {
    /** The two files of one statement and its figures. */
    public record Written(MunicipalStatement statement, Path csv, Path pdf) {}

    private final Journal journal;
    private final ClerkJournal records;
    private final String kioskId;
    private final ZoneId zone;
    private final Clock clock;

    public MonthlyStatements(Journal journal, ClerkJournal records, String kioskId, ZoneId zone, Clock clock) {
        this.journal = journal;
        this.records = records;
        this.kioskId = kioskId;
        this.zone = zone;
        this.clock = clock;
    }

    /** Municipalities with printed copies in {@code month}, in code order. */
    public List<String> municipalities(YearMonth month) {
        TreeSet<String> codes = new TreeSet<>();
        for (LedgerEntry e : journal.ledgerEntries(
                month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())) {
            codes.add(e.municipalityCode());
        }
        return List.copyOf(codes);
    }

    /** The statement's figures. */
    public MunicipalStatement statement(String municipalityCode, YearMonth month) {
        return MunicipalStatement.of(journal, municipalityCode, month, zone);
    }

    /** Writes the CSV and the PDF into {@code directory} (created if missing) and records it. */
    public Written write(String municipalityCode, YearMonth month, Path directory) {
        if (!municipalityCode.matches("[0-9]{5,6}")) {
            throw new KioskException(
                    KioskErrorCode.CLERK_ACTION_REFUSED,
                    "municipality '" + municipalityCode
                            + "' is not a local government code: give its 6 digits, e.g. 131016");
        }
        MunicipalStatement statement = statement(municipalityCode, month);
        String base = "statement-" + municipalityCode + "-" + month;
        try {
            Files.createDirectories(directory);
            Path csv = directory.resolve(base + ".csv");
            Path pdf = directory.resolve(base + ".pdf");
            Files.writeString(csv, statement.toCsv(), StandardCharsets.UTF_8);
            Files.write(pdf, StatementPdf.render(statement, kioskId, LocalDate.now(clock.withZone(zone))));
            records.record(
                    ClerkEventKind.STATEMENT_WRITTEN,
                    Optional.empty(),
                    statement.fees().fees(),
                    Yen.ZERO,
                    statement.fees().copies(),
                    Optional.of(new Code("M" + municipalityCode)));
            return new Written(statement, csv, pdf);
        } catch (IOException e) {
            throw new KioskException(
                    KioskErrorCode.CLERK_ACTION_REFUSED,
                    "cannot write the statement to " + directory + ": " + e.getMessage() + " (check the directory)",
                    e);
        }
    }
}
