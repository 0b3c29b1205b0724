package jp.madoguchi.kiosk.clerk.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.kiosk.clerk.Code;
import jp.madoguchi.kiosk.clerk.ConfigurationSummary;
import jp.madoguchi.kiosk.clerk.DeviceDashboard;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.Health;
import jp.madoguchi.kiosk.clerk.DeviceDashboardProbe;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;
import jp.madoguchi.kiosk.clerk.ui.InfoRow;

/**
 * The device screen: one row per device with its health, then the software version and the
 * configuration. {@link #load()} asks the devices (bounded, any thread); {@link #apply} shows the
 * answer.
 */
public final class DashboardViewModel extends ClerkScreenModel {
    private final DeviceDashboardProbe probe;
    private final ObservableList<InfoRow> devices = FXCollections.observableArrayList();
    private final ObservableList<InfoRow> configuration = FXCollections.observableArrayList();
    private DeviceDashboard dashboard;

    public DashboardViewModel(DeviceDashboardProbe probe) {
        this.probe = probe;
    }

    /** Asks every device now; blocks up to the probe's limit (call off the FX thread). */
    public DeviceDashboard load() {
        return probe.probe();
    }

    /** Shows {@code d}. */
    public void apply(DeviceDashboard d) {
        this.dashboard = d;
        refresh(text());
    }

    @Override
    protected void refresh(ClerkText t) {
        if (dashboard == null) {
            say("dashboard.loading");
            return;
        }
        DeviceDashboard d = dashboard;
        List<InfoRow> rows = new ArrayList<>();
        rows.add(row(
                t,
                "dashboard.cardReader",
                d.cardReader().health(),
                d.cardReader().error(),
                String.join(", ", d.cardReader().readers())
                        + (d.cardReader().cardPresent() ? " / " + t.text("dashboard.cardPresent") : "")));
        rows.add(row(
                t,
                "dashboard.center",
                d.centerLink().health(),
                d.centerLink().error(),
                d.centerLink().latencyMillis() >= 0
                        ? t.text("dashboard.latency", d.centerLink().latencyMillis())
                        : ""));
        rows.add(row(
                t,
                "dashboard.certificatePrinter",
                d.certificatePrinter().health(),
                d.certificatePrinter().error(),
                t.text(
                        "dashboard.printerDetail",
                        d.certificatePrinter().state().name(),
                        t.text("level." + d.certificatePrinter().paper()),
                        t.text("level." + d.certificatePrinter().toner()))));
        rows.add(row(
                t,
                "dashboard.receiptPrinter",
                d.receiptPrinter().health(),
                d.receiptPrinter().error(),
                t.text(
                        "dashboard.receiptDetail",
                        t.text("level." + d.receiptPrinter().paper()))));
        StringBuilder coins = new StringBuilder(d.payment().device());
        for (DeviceDashboard.CoinLevel c : d.payment().hoppers()) {
            coins.append(" / ")
                    .append(t.yen(c.denomination()))
                    .append(": ")
                    .append(c.coins() < 0 ? "?" : t.text("dashboard.coins", c.coins()));
        }
        coins.append(" / ").append(t.text("dashboard.coinBox", t.yen(d.payment().coinBoxExpected())));
        rows.add(row(t, "dashboard.payment", d.payment().health(), Optional.empty(), coins.toString()));
        devices.setAll(rows);

        ConfigurationSummary c = d.configuration();
        configuration.setAll(
                InfoRow.plain(t.text("dashboard.version"), d.softwareVersion()),
                InfoRow.plain(t.text("dashboard.kioskId"), c.kioskId()),
                InfoRow.plain(t.text("dashboard.deployment"), t.text("deployment." + c.deployment())),
                InfoRow.plain(
                        t.text("dashboard.sources"),
                        "card " + c.card() + ", center " + c.center() + ", A4 " + c.certificatePrinter() + ", receipt "
                                + c.receiptPrinter() + ", payment " + c.payment()),
                InfoRow.plain(
                        t.text("dashboard.hours"),
                        c.hours() + (c.yearEndStop() ? " " + t.text("dashboard.yearEnd") : "")),
                InfoRow.plain(t.text("dashboard.languages"), String.join(", ", c.languages())));
        say("dashboard.overall." + d.overall());
    }

    private static InfoRow row(ClerkText t, String key, Health health, Optional<Code> error, String detail) {
        String value = t.text("health." + health)
                + (detail.isBlank() ? "" : "  " + detail)
                + error.map(e -> "  [" + e + "]").orElse("");
        return new InfoRow(t.text(key), value, health.name().toLowerCase(java.util.Locale.ROOT));
    }

    public ObservableList<InfoRow> devices() {
        return devices;
    }

    public ObservableList<InfoRow> configuration() {
        return configuration;
    }

    /** The last answer, if any. */
    public Optional<DeviceDashboard> dashboard() {
        return Optional.ofNullable(dashboard);
    }
}
