package jp.madoguchi.kiosk.ui.options;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.HouseholdMember;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.kiosk.ui.FiscalYearText;
import jp.madoguchi.kiosk.ui.OrderDraft;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/**
 * Options of a residence record, limited to what the center allows THIS resident: whose entries
 * (本人 / 世帯全員 / chosen members), and items such as 世帯主・続柄, 本籍・筆頭者, 個人番号 and the
 * foreign-resident items; for the tax certificate, the fiscal year (年度) among those the center
 * offers this resident (the latest chosen at first).
 */
public final class OptionsViewModel implements ScreenModel {
    private static final String MEMBER = "member:";
    private static final String YEAR = "year:";

    private final ScreenContext context;
    private final ObservableList<Choice> scopes = FXCollections.observableArrayList();
    private final ObservableList<Choice> members = FXCollections.observableArrayList();
    private final ObservableList<Choice> items = FXCollections.observableArrayList();
    private final ObservableList<Choice> years = FXCollections.observableArrayList();
    private final StringProperty yearsLabel = new SimpleStringProperty();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty scopeLabel = new SimpleStringProperty();
    private final StringProperty membersLabel = new SimpleStringProperty();
    private final StringProperty itemsLabel = new SimpleStringProperty();
    private final StringProperty nextLabel = new SimpleStringProperty();
    private final StringProperty backLabel = new SimpleStringProperty();
    private final BooleanProperty complete = new SimpleBooleanProperty();
    private UiText text;

    public OptionsViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        this.text = text;
        OrderDraft draft = context.journey().draft();
        MenuItem item = draft.item().orElse(null);
        title.set(
                item == null
                        ? ""
                        : text.text(
                                "options.title", text.text("type." + item.type().name())));
        scopeLabel.set(text.text("options.scope"));
        membersLabel.set(text.text("options.members"));
        itemsLabel.set(text.text("options.items"));
        yearsLabel.set(text.text("options.years"));
        nextLabel.set(text.text("nav.next"));
        backLabel.set(text.text("nav.back"));
        List<Choice> s = new ArrayList<>();
        List<Choice> m = new ArrayList<>();
        List<Choice> o = new ArrayList<>();
        List<Choice> y = new ArrayList<>();
        if (item != null) {
            FiscalYearText fiscal = new FiscalYearText(text);
            for (int year : item.fiscalYears()) {
                y.add(new Choice(
                        YEAR + year, fiscal.year(year), draft.fiscalYear().orElse(-1) == year));
            }
            for (IssuanceScope scope : item.scopes()) {
                s.add(new Choice(scope.name(), text.text("scope." + scope.name()), draft.scope() == scope));
            }
            if (draft.scope() == IssuanceScope.SELECTED_MEMBERS) {
                for (HouseholdMember member : item.members()) {
                    m.add(new Choice(
                            MEMBER + member.memberRef(),
                            member.name(),
                            draft.members().contains(member.memberRef())));
                }
            }
            for (CertificateOption option : item.options()) {
                o.add(new Choice(
                        option.name(),
                        text.text("option." + option.name()),
                        draft.options().contains(option)));
            }
        }
        setIfChanged(scopes, s);
        setIfChanged(members, m);
        setIfChanged(items, o);
        setIfChanged(years, y);
        complete.set(draft.isComplete());
    }

    private static void setIfChanged(ObservableList<Choice> list, List<Choice> next) {
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }

    /** Toggles the choice {@code key} (a scope, a member or an item). */
    public void toggle(String key) {
        OrderDraft draft = context.journey().draft();
        if (key.startsWith(MEMBER)) {
            draft.toggleMember(key.substring(MEMBER.length()));
        } else if (key.startsWith(YEAR)) {
            draft.fiscalYear(Integer.parseInt(key.substring(YEAR.length())));
        } else if (isScope(key)) {
            draft.scope(IssuanceScope.valueOf(key));
        } else {
            draft.toggleOption(CertificateOption.valueOf(key));
        }
        show(text);
    }

    private static boolean isScope(String key) {
        for (IssuanceScope s : IssuanceScope.values()) {
            if (s.name().equals(key)) {
                return true;
            }
        }
        return false;
    }

    public void next() {
        if (context.journey().draft().isComplete()) {
            context.journey().goTo(ScreenId.COPIES);
        }
    }

    public void back() {
        context.journey().goTo(ScreenId.MENU);
    }

    public ObservableList<Choice> scopes() {
        return scopes;
    }

    public ObservableList<Choice> members() {
        return members;
    }

    public ObservableList<Choice> items() {
        return items;
    }

    /** The fiscal years of a tax certificate (one chosen); empty for other types. */
    public ObservableList<Choice> years() {
        return years;
    }

    public ReadOnlyStringProperty yearsLabel() {
        return yearsLabel;
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty scopeLabel() {
        return scopeLabel;
    }

    public ReadOnlyStringProperty membersLabel() {
        return membersLabel;
    }

    public ReadOnlyStringProperty itemsLabel() {
        return itemsLabel;
    }

    public ReadOnlyStringProperty nextLabel() {
        return nextLabel;
    }

    public ReadOnlyStringProperty backLabel() {
        return backLabel;
    }

    public ReadOnlyBooleanProperty complete() {
        return complete;
    }
}
