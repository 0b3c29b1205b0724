package jp.madoguchi.kiosk.ui.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.UnavailableItem;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/**
 * The certificates THIS resident may order (from the center's menu of the session), each with
 * its fee, and the others with the reason they are not available.
 */
public final class MenuViewModel implements ScreenModel {
    private final ScreenContext context;
    private final ObservableList<MenuEntry> entries = FXCollections.observableArrayList();
    // One wrapper for the model's life: an unmodifiable view holds its listeners weakly.
    private final ObservableList<MenuEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty municipality = new SimpleStringProperty();
    private final StringProperty unavailableLabel = new SimpleStringProperty();
    private final StringProperty problem = new SimpleStringProperty("");

    public MenuViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        title.set(text.text("menu.title"));
        municipality.set(
                s.municipalityName().map(m -> text.text("menu.municipality", m)).orElse(""));
        unavailableLabel.set(text.text("menu.unavailable"));
        problem.set(s.errorCode().isPresent() ? text.textOr(s.messageKey(), "order.notAllowed") : "");
        List<MenuEntry> next = new ArrayList<>();
        Menu menu = s.menu().orElse(null);
        if (menu != null) {
            for (CertificateType type : CertificateType.values()) {
                Optional<MenuItem> item = menu.item(type);
                if (item.isPresent()) {
                    next.add(new MenuEntry(
                            type,
                            text.text("type." + type.name()),
                            text.text("menu.fee", text.yen(Yen.of(item.get().feeYen()))),
                            true));
                } else {
                    menu.unavailable().stream()
                            .filter(u -> u.type() == type)
                            .map(UnavailableItem::reason)
                            .findFirst()
                            .ifPresent(reason -> next.add(new MenuEntry(
                                    type,
                                    text.text("type." + type.name()),
                                    text.textOr("menu.reason." + reason.name(), reason.messageKey()),
                                    false)));
                }
            }
        }
        if (!next.equals(entries)) {
            entries.setAll(next);
        }
    }

    /** The resident chose {@code type}: on to its options (or straight to copies). */
    public void choose(CertificateType type) {
        context.journey().snapshot().menu().flatMap(m -> m.item(type)).ifPresent(item -> {
            context.journey().draft().start(item);
            context.journey().goTo(context.journey().draft().hasOptions() ? ScreenId.OPTIONS : ScreenId.COPIES);
        });
    }

    public ObservableList<MenuEntry> entries() {
        return readOnlyEntries;
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty municipality() {
        return municipality;
    }

    public ReadOnlyStringProperty unavailableLabel() {
        return unavailableLabel;
    }

    public ReadOnlyStringProperty problem() {
        return problem;
    }
}
