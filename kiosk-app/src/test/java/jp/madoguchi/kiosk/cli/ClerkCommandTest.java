package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import jp.madoguchi.kiosk.clerk.ClerkPinFile;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk clerk ...} over a journal with a known day of transactions. */
class ClerkCommandTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path data;

    TransactionId first;
    StringWriter out = new StringWriter();

    /** Three municipalities, five transactions on 2026-11-05; fees 200 + 2×300 + 450 + 200 + 200. */
    @BeforeEach
    void aDayOfTransactions() {
        MutableClock clock = new MutableClock(
                LocalDate.of(2026, 11, 5).atTime(9, 0).atZone(TOKYO).toInstant());
        String[][] rows = {
            {"99201", "200", "1"},
            {"99202", "300", "2"},
            {"99341", "450", "1"},
            {"99201", "200", "1"},
            {"99201", "200", "1"}
        };
        try (Journal journal = Journal.open(data.resolve("journal.db"), "K0001", clock)) {
            for (int i = 0; i < rows.length; i++) {
                clock.advance(Duration.ofMinutes(20));
                TransactionId id = journal.begin();
                if (first == null) {
                    first = id;
                }
                Yen fee = Yen.of(Long.parseLong(rows[i][1]));
                int copies = Integer.parseInt(rows[i][2]);
                journal.recordCenterSession(id, rows[i][0], "S" + i);
                journal.recordOrderedDocument(id, new OrderedDocument("D" + i, "RESIDENCE_RECORD", copies, fee));
                journal.recordCash(id, CashEventKind.INSERTED, Yen.of(1000));
                for (int copy = 1; copy <= copies; copy++) {
                    journal.recordCopyPrinted(
                            id, "D" + i, copy, rows[i][0], "RESIDENCE_RECORD", FeeSplit.of(fee, Yen.of(115)));
                }
                journal.recordCash(id, CashEventKind.CHANGE_PAID, Yen.of(1000).minus(fee.times(copies)));
                journal.transition(id, TransactionState.DONE, null);
            }
        }
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new KioskCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void closeDayShowsTheDaysFeesAndCash() {
        assertThat(run("clerk", "close-day", "--data", data.toString(), "--date", "2026-11-05"))
                .isZero();
        assertThat(out.toString())
                .contains("日計表 2026-11-05", "K0001")
                .containsPattern("手数料合計\\s+1,650円")
                .containsPattern("交付通数\\s+6通")
                .containsPattern("事業者分\\s+690円")
                .containsPattern("現金残高\\s+1,650円");
    }

    @Test
    void statementWritesCsvAndPdfForEveryMunicipalityOfTheMonth() throws Exception {
        Path outDir = data.resolve("statements");
        assertThat(run(
                        "clerk",
                        "statement",
                        "--data",
                        data.toString(),
                        "--month",
                        "2026-11",
                        "--out",
                        outDir.toString()))
                .isZero();
        assertThat(outDir.resolve("statement-99201-2026-11.csv")).exists();
        assertThat(outDir.resolve("statement-99201-2026-11.pdf")).exists();
        assertThat(outDir.resolve("statement-99341-2026-11.pdf")).exists();
        assertThat(Files.readString(outDir.resolve("statement-99201-2026-11.csv")))
                .contains("99201,2026-11,TOTAL,3,600,345,255");
        assertThat(out.toString()).contains("99202 2026-11: 2 copies, fees 600 yen");
    }

    @Test
    void exportAndLookUpWorkFromTheCommandLine() throws Exception {
        Path stick = Files.createDirectories(data.resolve("usb"));
        assertThat(run("clerk", "export-logs", "--data", data.toString(), stick.toString()))
                .isZero();
        try (Stream<Path> folders = Files.list(stick)) {
            Path folder = folders.findFirst().orElseThrow();
            assertThat(Files.readAllLines(folder.resolve("transactions.csv"))).hasSize(6);
        }
        assertThat(run("clerk", "lookup", "--data", data.toString(), first.value()))
                .isZero();
        assertThat(out.toString()).contains(first.value() + " DONE municipality=99201");
        assertThat(run("clerk", "lookup", "--data", data.toString(), "K0001-20261105-0099"))
                .isEqualTo(3);
        assertThat(run(
                        "clerk",
                        "export-logs",
                        "--data",
                        data.toString(),
                        data.resolve("no-stick").toString()))
                .isNotZero();
        assertThat(out.toString()).contains("insert the USB stick");
    }

    @Test
    void setPinStoresOnlyTheHashAndRefusesShortPins() {
        CommandLine cli = new CommandLine(new KioskCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        CommandLine setPin = cli.getSubcommands().get("clerk").getSubcommands().get("set-pin");
        ((ClerkSetPinCommand) setPin.getCommand()).input =
                new ByteArrayInputStream("12\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(cli.execute("clerk", "set-pin", "--stdin", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(new ClerkPinFile(data).read()).isEmpty();

        ((ClerkSetPinCommand) setPin.getCommand()).input =
                new ByteArrayInputStream("482910\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(cli.execute("clerk", "set-pin", "--stdin", "--data", data.toString()))
                .isZero();
        assertThat(new ClerkPinFile(data).read().orElseThrow().matches("482910".toCharArray()))
                .isTrue();
    }

    @Test
    void counterDemoRunsOneResidentThroughTicketConfirmationAndPrinting() {
        assertThat(run(
                        "clerk",
                        "counter-demo",
                        "--data",
                        data.resolve("counter").toString()))
                .isZero();
        assertThat(out.toString())
                .contains("受付票 A-001", "[QR MGTICKET:A-001:", "staff: ticket A-001 -> RELEASED")
                .containsPattern("counter-demo: transaction \\S+ DONE copies=1 .* settled=true");
    }
}
