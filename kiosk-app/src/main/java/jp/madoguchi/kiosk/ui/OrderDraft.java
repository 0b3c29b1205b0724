package jp.madoguchi.kiosk.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;

/**
 * The certificate the resident is putting together before it goes to the engine: type, whose
 * entries, which optional items, the fiscal year (年度) of a tax certificate, how many copies. It
 * holds household member references (never names) and is wiped whenever the resident's
 * transaction ends.
 */
public final class OrderDraft {
    private MenuItem item;
    private IssuanceScope scope = IssuanceScope.SELF;
    private final Set<String> members = new LinkedHashSet<>();
    private final Set<CertificateOption> options = new LinkedHashSet<>();
    private int copies = 1;
    private Integer fiscalYear;

    /**
     * Starts a new draft of {@code offered}: the cardholder only, no options, one copy, and for the
     * tax certificate the latest year offered.
     */
    public void start(MenuItem offered) {
        wipe();
        this.item = offered;
        this.scope = offered.scopes().contains(IssuanceScope.SELF)
                ? IssuanceScope.SELF
                : offered.scopes().get(0);
        this.fiscalYear =
                offered.fiscalYears().isEmpty() ? null : offered.fiscalYears().get(0);
    }

    /** Forgets everything. */
    public void wipe() {
        item = null;
        scope = IssuanceScope.SELF;
        members.clear();
        options.clear();
        copies = 1;
        fiscalYear = null;
    }

    public Optional<MenuItem> item() {
        return Optional.ofNullable(item);
    }

    public Optional<CertificateType> type() {
        return item().map(MenuItem::type);
    }

    /** True when the chosen type has something to choose besides copies (scope, members, items, years). */
    public boolean hasOptions() {
        return item != null
                && (item.scopes().size() > 1
                        || !item.options().isEmpty()
                        || item.fiscalYears().size() > 1);
    }

    /** The chosen fiscal year (年度) of a tax certificate; empty for other types. */
    public Optional<Integer> fiscalYear() {
        return Optional.ofNullable(fiscalYear);
    }

    /** Chooses the fiscal year {@code year}, if the menu offers it for this type. */
    public void fiscalYear(int year) {
        if (item != null && item.fiscalYears().contains(year)) {
            fiscalYear = year;
        }
    }

    public IssuanceScope scope() {
        return scope;
    }

    public void scope(IssuanceScope value) {
        if (item != null && item.scopes().contains(value)) {
            scope = value;
            if (value != IssuanceScope.SELECTED_MEMBERS) {
                members.clear();
            }
        }
    }

    public Set<String> members() {
        return Set.copyOf(members);
    }

    /** Adds or removes a household member (only with {@link IssuanceScope#SELECTED_MEMBERS}). */
    public void toggleMember(String memberRef) {
        if (scope != IssuanceScope.SELECTED_MEMBERS) {
            return;
        }
        if (!members.remove(memberRef)) {
            members.add(memberRef);
        }
    }

    public Set<CertificateOption> options() {
        return Set.copyOf(options);
    }

    public void toggleOption(CertificateOption option) {
        if (item == null || !item.options().contains(option)) {
            return;
        }
        if (!options.remove(option)) {
            options.add(option);
        }
    }

    public int copies() {
        return copies;
    }

    public int maxCopies() {
        return item == null ? 1 : item.maxCopies();
    }

    /** Sets the copies, kept between 1 and the municipality's limit. */
    public void copies(int value) {
        copies = Math.max(1, Math.min(maxCopies(), value));
    }

    /** True when the draft can be ordered (chosen members are named when the scope needs them). */
    public boolean isComplete() {
        return item != null && (scope != IssuanceScope.SELECTED_MEMBERS || !members.isEmpty());
    }

    /** The order the engine receives. */
    public List<OrderItem> order() {
        if (!isComplete()) {
            return List.of();
        }
        return List.of(new OrderItem(
                item.type(),
                scope,
                scope == IssuanceScope.SELECTED_MEMBERS ? new ArrayList<>(members) : List.of(),
                new ArrayList<>(options),
                copies,
                fiscalYear));
    }
}
