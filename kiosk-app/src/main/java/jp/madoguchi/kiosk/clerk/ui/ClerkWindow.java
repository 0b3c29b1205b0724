package jp.madoguchi.kiosk.clerk.ui;

import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import jp.madoguchi.kiosk.clerk.ClerkMode;
import jp.madoguchi.kiosk.clerk.ui.counter.CounterStaffView;
import jp.madoguchi.kiosk.clerk.ui.counter.CounterStaffViewModel;
import jp.madoguchi.kiosk.clerk.ui.dashboard.DashboardView;
import jp.madoguchi.kiosk.clerk.ui.dashboard.DashboardViewModel;
import jp.madoguchi.kiosk.clerk.ui.export.ExportView;
import jp.madoguchi.kiosk.clerk.ui.export.ExportViewModel;
import jp.madoguchi.kiosk.clerk.ui.login.LoginView;
import jp.madoguchi.kiosk.clerk.ui.login.LoginViewModel;
import jp.madoguchi.kiosk.clerk.ui.lookup.LookupView;
import jp.madoguchi.kiosk.clerk.ui.lookup.LookupViewModel;
import jp.madoguchi.kiosk.clerk.ui.money.MoneyView;
import jp.madoguchi.kiosk.clerk.ui.money.MoneyViewModel;
import jp.madoguchi.kiosk.clerk.ui.printers.PrintersView;
import jp.madoguchi.kiosk.clerk.ui.printers.PrintersViewModel;
import jp.madoguchi.kiosk.counter.CounterWindow;
import jp.madoguchi.kiosk.ui.KioskFonts;
import jp.madoguchi.kiosk.ui.UiResources;

/**
 * The clerk screens of one kiosk in one window: a frame (title, privacy note, language, leave,
 * navigation) around the current screen. Built from {@link ClerkMode}; the PIN screen shows while
 * clerk mode is closed, and the maintenance key or a PIN opens the rest. Its {@link #root()} can
 * be placed in the kiosk's own window, or {@link #showIn(Stage)} opens it on its own.
 */
public final class ClerkWindow implements AutoCloseable {
    /** The kiosk's screen size: 10-inch 1280×800. */
    public static final double WIDTH = 1280;

    public static final double HEIGHT = 800;

    private final ClerkShellViewModel shell;
    private final ClerkWork work = new ClerkWork();
    private final Map<ClerkScreenId, ClerkScreenModel> models = new EnumMap<>(ClerkScreenId.class);
    private final Map<ClerkScreenId, Parent> views = new EnumMap<>(ClerkScreenId.class);
    private final BorderPane root = new BorderPane();
    private final StackPane body = new StackPane();
    private final DashboardView dashboardView;
    private final javafx.beans.property.BooleanProperty dismissible =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private Runnable onDismiss;

    /**
     * @param counter the staff side of a counter deployment (adds the payment confirmation screen)
     * @param statementDir where monthly statements are written by default
     * @param exportTarget the USB stick's usual mount point
     */
    public ClerkWindow(
            ClerkMode mode, Optional<CounterWindow> counter, Path statementDir, Path exportTarget, Clock clock) {
        List<ClerkScreenId> screens = new ArrayList<>(List.of(
                ClerkScreenId.DASHBOARD,
                ClerkScreenId.PRINTERS,
                ClerkScreenId.MONEY,
                ClerkScreenId.LOOKUP,
                ClerkScreenId.EXPORT));
        counter.ifPresent(c -> screens.add(ClerkScreenId.COUNTER));
        shell = new ClerkShellViewModel(mode.access(), screens);

        LoginViewModel login = new LoginViewModel(mode.access(), clock);
        models.put(ClerkScreenId.LOGIN, login);
        views.put(ClerkScreenId.LOGIN, new LoginView(login, () -> shell.accessChanged(true)).root());
        DashboardViewModel dashboard = new DashboardViewModel(mode.dashboard());
        models.put(ClerkScreenId.DASHBOARD, dashboard);
        dashboardView = new DashboardView(dashboard, work);
        views.put(ClerkScreenId.DASHBOARD, dashboardView.root());
        PrintersViewModel printers = new PrintersViewModel(mode.testPrints(), mode.paper());
        models.put(ClerkScreenId.PRINTERS, printers);
        views.put(ClerkScreenId.PRINTERS, new PrintersView(printers, work).root());
        MoneyViewModel money = new MoneyViewModel(
                mode.coinBox(),
                mode.dailyClose(),
                mode.statements(),
                mode.devices().receiptPrinter(),
                statementDir);
        models.put(ClerkScreenId.MONEY, money);
        views.put(ClerkScreenId.MONEY, new MoneyView(money, work).root());
        LookupViewModel lookup = new LookupViewModel(mode.lookup(), mode.refunds());
        models.put(ClerkScreenId.LOOKUP, lookup);
        views.put(ClerkScreenId.LOOKUP, new LookupView(lookup).root());
        ExportViewModel export = new ExportViewModel(mode.logs(), exportTarget);
        models.put(ClerkScreenId.EXPORT, export);
        views.put(ClerkScreenId.EXPORT, new ExportView(export, work).root());
        counter.ifPresent(c -> {
            CounterStaffViewModel staff = new CounterStaffViewModel(c);
            models.put(ClerkScreenId.COUNTER, staff);
            views.put(ClerkScreenId.COUNTER, new CounterStaffView(staff).root());
        });

        root.setId("clerk-window");
        root.getStyleClass().add("clerk-root");
        root.setPrefSize(WIDTH, HEIGHT);
        root.setTop(topBar());
        root.setLeft(navigation());
        body.setPadding(new Insets(24));
        body.setAlignment(Pos.TOP_LEFT);
        root.setCenter(body);
        root.getStylesheets().add(stylesheet().toExternalForm());

        mode.access().addListener(open -> Platform.runLater(() -> shell.accessChanged(open)));
        shell.current().addListener((o, before, now) -> showScreen(now));
        shell.language().addListener((o, before, now) -> models.values().forEach(m -> m.show(now)));
        models.values().forEach(m -> m.show(shell.language().get()));
        showScreen(shell.current().get());
    }

    private HBox topBar() {
        Label title = ClerkPane.label(shell.label("shell.title"), "clerk-bar-title");
        Label privacy = ClerkPane.label(shell.label("shell.privacy"), "clerk-bar-note");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button language =
                ClerkPane.button("clerk-language", shell.label("shell.language"), shell::toggleLanguage, "secondary");
        Button leave = ClerkPane.button("clerk-leave", shell.label("shell.leave"), shell::leave, "danger");
        leave.visibleProperty().bind(shell.current().isNotEqualTo(ClerkScreenId.LOGIN));
        leave.managedProperty().bind(leave.visibleProperty());
        // On the kiosk itself the PIN screen can be left without logging in (back to the resident).
        Button dismiss = ClerkPane.button("clerk-dismiss", shell.label("shell.leave"), this::dismiss, "secondary");
        dismiss.visibleProperty()
                .bind(shell.current().isEqualTo(ClerkScreenId.LOGIN).and(dismissible));
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        HBox bar = new HBox(16, title, privacy, spacer, language, leave, dismiss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("clerk-bar");
        bar.setPadding(new Insets(8, 16, 8, 16));
        return bar;
    }

    private VBox navigation() {
        VBox nav = new VBox(8);
        nav.getStyleClass().add("clerk-nav");
        nav.setPadding(new Insets(16));
        nav.setPrefWidth(250);
        for (ClerkScreenId id : shell.screens()) {
            Button b = ClerkPane.button(
                    "clerk-nav-" + id.name().toLowerCase(java.util.Locale.ROOT),
                    shell.label(id.labelKey()),
                    () -> shell.go(id),
                    "nav");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinWidth(0);
            b.setWrapText(true);
            shell.current().addListener((o, before, now) -> {
                b.getStyleClass().remove("selected");
                if (now == id) {
                    b.getStyleClass().add("selected");
                }
            });
            nav.getChildren().add(b);
        }
        nav.visibleProperty().bind(shell.current().isNotEqualTo(ClerkScreenId.LOGIN));
        return nav;
    }

    private void showScreen(ClerkScreenId id) {
        ClerkScreenModel model = models.get(id);
        model.show(shell.language().get());
        body.getChildren().setAll(views.get(id));
        if (id == ClerkScreenId.DASHBOARD) {
            dashboardView.refresh();
        }
    }

    /**
     * Lets the PIN screen be closed without logging in ({@code onDismiss} runs on the FX thread);
     * used when the clerk screens are opened over the resident's touchscreen.
     */
    public void onDismiss(Runnable action) {
        this.onDismiss = action;
        dismissible.set(action != null);
    }

    private void dismiss() {
        if (onDismiss != null) {
            onDismiss.run();
        }
    }

    /** The whole clerk frame, for any scene. */
    public Parent root() {
        return root;
    }

    /** A scene of the kiosk's size holding {@link #root()}. */
    public Scene scene() {
        KioskFonts.load(); // a fresh machine has no Japanese font
        return new Scene(root, WIDTH, HEIGHT);
    }

    /** Shows the clerk window on {@code stage}. */
    public void showIn(Stage stage) {
        stage.setTitle("Madoguchi — 係員モード");
        stage.setScene(scene());
        stage.show();
    }

    public ClerkShellViewModel shell() {
        return shell;
    }

    /** The model of {@code screen} (tests and the screenshot gallery drive them). */
    public ClerkScreenModel model(ClerkScreenId screen) {
        return models.get(screen);
    }

    private static URL stylesheet() {
        return UiResources.require(ClerkWindow.class, "clerk.css");
    }

    @Override
    public void close() {
        work.close();
    }
}
