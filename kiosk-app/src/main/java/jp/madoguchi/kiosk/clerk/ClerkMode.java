package jp.madoguchi.kiosk.clerk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.settlement.DailyCloseReport;
import jp.madoguchi.kiosk.settlement.MonthlyStatements;

/**
 * Everything a clerk can do at one kiosk, wired to its journal and devices: entry (PIN or key),
 * the device dashboard, test prints, paper, the coin box, the daily close, monthly statements,
 * transaction look-up, manual refunds and the log export. The screens and the {@code kiosk clerk}
 * command use this; none of it can show a resident's data, because none of it reads any.
 */
public final class ClerkMode implements AutoCloseable {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final ClerkJournal records;
    private final ClerkAccess access;
    private final DeviceDashboardProbe dashboard;
    private final TestPrints testPrints;
    private final PaperReplenishment paper;
    private final CoinBox coinBox;
    private final DailyCloseReport dailyClose;
    private final MonthlyStatements statements;
    private final TransactionLookup lookup;
    private final ManualRefunds refunds;
    private final LogExport logs;
    private final ClerkDevices devices;

    private ClerkMode(
            Journal journal,
            ClerkJournal records,
            KioskConfig config,
            ClerkDevices devices,
            Optional<ClerkPinHash> pin,
            Clock clock) {
        String kioskId = config.kiosk().id();
        this.records = records;
        this.devices = devices;
        this.access = new ClerkAccess(
                pin.map(p -> new ClerkLogin(
                        p,
                        clock,
                        config.clerk().maxPinFailures(),
                        Duration.ofMinutes(config.clerk().lockoutMinutes()))),
                records);
        this.coinBox = new CoinBox(records);
        this.dashboard = new DeviceDashboardProbe(
                devices, ConfigurationSummary.of(config), coinBox, clock, Duration.ofSeconds(5));
        this.testPrints = new TestPrints(devices, records, kioskId, clock, Duration.ofMinutes(3));
        this.paper = new PaperReplenishment(devices, records);
        this.dailyClose = new DailyCloseReport(journal, records, kioskId, JAPAN, clock);
        this.statements = new MonthlyStatements(journal, records, kioskId, JAPAN, clock);
        this.lookup = new TransactionLookup(records);
        this.refunds = new ManualRefunds(records);
        this.logs = new LogExport(records, kioskId, clock);
    }

    /**
     * Opens clerk mode's services over an open journal.
     *
     * @param journalFile the journal's file (clerk records live beside the journal's tables)
     * @param pin the clerk PIN's hash; empty when none is set (only the key switch opens clerk mode)
     */
    public static ClerkMode open(
            Journal journal,
            Path journalFile,
            KioskConfig config,
            ClerkDevices devices,
            Optional<ClerkPinHash> pin,
            Clock clock) {
        ClerkJournal records = ClerkJournal.open(journalFile, clock);
        return new ClerkMode(journal, records, config, devices, pin, clock);
    }

    public ClerkAccess access() {
        return access;
    }

    public DeviceDashboardProbe dashboard() {
        return dashboard;
    }

    public TestPrints testPrints() {
        return testPrints;
    }

    public PaperReplenishment paper() {
        return paper;
    }

    public CoinBox coinBox() {
        return coinBox;
    }

    public DailyCloseReport dailyClose() {
        return dailyClose;
    }

    public MonthlyStatements statements() {
        return statements;
    }

    public TransactionLookup lookup() {
        return lookup;
    }

    public ManualRefunds refunds() {
        return refunds;
    }

    public LogExport logs() {
        return logs;
    }

    /** The clerk records themselves (audit). */
    public ClerkJournal records() {
        return records;
    }

    /** The devices (the daily close prints on the receipt printer). */
    public ClerkDevices devices() {
        return devices;
    }

    @Override
    public void close() {
        dashboard.close();
        records.close();
    }
}
