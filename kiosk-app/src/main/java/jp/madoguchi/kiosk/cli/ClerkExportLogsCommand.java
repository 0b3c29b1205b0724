package jp.madoguchi.kiosk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.clerk.LogExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiosk clerk export-logs DIR}: the journal's ids, states, codes, counts and money to a USB stick. */
@Command(
        name = "export-logs",
        mixinStandardHelpOptions = true,
        description = {
            "Exports the logs to DIR (a USB stick's mount point): transactions, state changes and clerk",
            "records as CSV with a manifest. Ids, types, counts, money and codes only: no personal data."
        })
public final class ClerkExportLogsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Parameters(paramLabel = "DIR", description = "Where the stick is mounted, e.g. /media/usb0.")
    Path target;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        try (ClerkJournalOptions.Opened o = where.open(clock)) {
            LogExport.Result r = new LogExport(o.records(), o.config().kiosk().id(), clock).exportAll(target);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "exported %d transactions, %d state changes, %d clerk records to %s%n",
                            r.transactions(), r.stateChanges(), r.clerkEvents(), r.folder());
        }
        return 0;
    }
}
