package jp.madoguchi.kiosk.ui.home;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** Standby: what the kiosk issues, its hours, what to bring; closed notice outside the hours. */
public final class HomeViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty hours = new SimpleStringProperty();
    private final StringProperty needs = new SimpleStringProperty();
    private final StringProperty closedNotice = new SimpleStringProperty();
    private final BooleanProperty closed = new SimpleBooleanProperty();
    private final StringProperty startLabel = new SimpleStringProperty();

    public HomeViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        title.set(text.text("home.title"));
        hours.set(text.text(
                "home.hours",
                context.settings().opens().toString(),
                context.settings().closes().toString()));
        needs.set(text.text("home.needs"));
        closed.set(s.closedMessageKey().isPresent());
        closedNotice.set(s.closedMessageKey().map(text::text).orElse(""));
        startLabel.set(context.journey().devicesReady() ? text.text("home.start") : text.text("home.preparing"));
    }

    /** The resident touched "start". */
    public void start() {
        if (!closed.get()) {
            context.journey().goTo(ScreenId.CONSENT);
        }
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty hours() {
        return hours;
    }

    public ReadOnlyStringProperty needs() {
        return needs;
    }

    public ReadOnlyStringProperty closedNotice() {
        return closedNotice;
    }

    public ReadOnlyBooleanProperty closed() {
        return closed;
    }

    public ReadOnlyStringProperty startLabel() {
        return startLabel;
    }
}
