package jp.madoguchi.kiosk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.settlement.MonthlyStatements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk clerk statement}: per-municipality monthly statements as CSV and PDF. */
@Command(
        name = "statement",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the monthly statement (証明書コンビニ交付手数料請求内訳書) of one municipality, or of",
            "every municipality with copies that month: statement-<code>-<YYYY-MM>.csv and .pdf."
        })
public final class ClerkStatementCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month, e.g. 2026-11.")
    YearMonth month;

    @Option(
            names = "--municipality",
            paramLabel = "CODE",
            description = "The local government code (default: every municipality with copies that month).")
    String municipality;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write (default: here).")
    Path out;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        try (ClerkJournalOptions.Opened o = where.open(clock)) {
            MonthlyStatements statements = new MonthlyStatements(
                    o.journal(), o.records(), o.config().kiosk().id(), ZoneId.of("Asia/Tokyo"), clock);
            List<String> codes = municipality != null ? List.of(municipality) : statements.municipalities(month);
            if (codes.isEmpty()) {
                spec.commandLine().getOut().println("no copies were issued in " + month + ": nothing to write");
            }
            for (String code : codes) {
                MonthlyStatements.Written w = statements.write(code, month, out);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s %s: %d copies, fees %d yen, operator %d yen, municipality %d yen -> %s, %s%n",
                                code,
                                month,
                                w.statement().fees().copies(),
                                w.statement().fees().fees().amount(),
                                w.statement().fees().operatorShare().amount(),
                                w.statement().fees().municipalityShare().amount(),
                                w.csv(),
                                w.pdf());
            }
        }
        return 0;
    }
}
