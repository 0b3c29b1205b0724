package jp.madoguchi.kiosk.cli;

import java.nio.file.Path;
import java.time.Clock;
import jp.madoguchi.kiosk.clerk.ClerkJournal;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.journal.Journal;
import picocli.CommandLine.Option;

/** Where the {@code kiosk clerk} commands find the kiosk's journal: --config and/or --data. */
final class ClerkJournalOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "The kiosk's configuration (default: embedded).")
    Path config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The kiosk's data directory (default: kiosk.dataDir of the configuration).")
    Path data;

    /** The journal and the clerk records, open; the caller closes both. */
    record Opened(KioskConfig config, Path dataDir, Journal journal, ClerkJournal records) implements AutoCloseable {
        @Override
        public void close() {
            records.close();
            journal.close();
        }
    }

    KioskConfig loadConfig() {
        KioskConfigLoader loader = new KioskConfigLoader(System.getProperty("user.home"));
        return config == null ? loader.defaults() : loader.load(config);
    }

    Path dataDir(KioskConfig c) {
        return data != null ? data : c.kiosk().dataDir();
    }

    Opened open(Clock clock) {
        KioskConfig c = loadConfig();
        Path dir = dataDir(c);
        Path file = dir.resolve("journal.db");
        Journal journal = Journal.open(file, c.kiosk().id(), clock);
        try {
            return new Opened(c, dir, journal, ClerkJournal.open(file, clock));
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }
}
