package jp.madoguchi.kiosk.clerk.ui.dashboard;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.clerk.ui.ClerkWork;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the device screen: the devices' table, refresh, then software and configuration. */
public final class DashboardView implements ScreenView {
    private final ClerkPane root;
    private final DashboardViewModel model;
    private final ClerkWork work;

    public DashboardView(DashboardViewModel model, ClerkWork work) {
        this.model = model;
        this.work = work;
        root = new ClerkPane("clerk-dashboard", model.label("dashboard.title"));
        Button refresh = ClerkPane.button(
                "clerk-dashboard-refresh", model.label("dashboard.refresh"), this::refresh, "secondary");
        root.getChildren()
                .addAll(
                        ClerkPane.table("clerk-devices", model.devices()),
                        refresh,
                        ClerkPane.label(model.label("dashboard.configuration"), "clerk-subtitle"),
                        ClerkPane.table("clerk-configuration", model.configuration()));
        root.message(model.message());
    }

    /** Asks the devices again (off the FX thread). */
    public void refresh() {
        work.run(model::load, model::apply);
    }

    @Override
    public Parent root() {
        return root;
    }
}
