package jp.madoguchi.kiosk.ui;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.HouseholdMember;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.UnavailableItem;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;

/** Engine snapshots as the engine publishes them, for model tests without an engine. */
final class Snapshots {
    private Snapshots() {}

    static final MenuItem RESIDENCE = new MenuItem(
            CertificateType.RESIDENCE_RECORD,
            "992011",
            List.of(IssuanceScope.SELF, IssuanceScope.HOUSEHOLD, IssuanceScope.SELECTED_MEMBERS),
            List.of(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION, CertificateOption.HONSEKI_AND_HEAD),
            200,
            10,
            List.of(new HouseholdMember("m1", "山田　太郎", true), new HouseholdMember("m2", "山田　花子", false)));

    static final MenuItem TAX = tax(List.of(2026));

    /** A tax certificate of a municipality offering three years. */
    static final MenuItem TAX_YEARS = tax(List.of(2026, 2025, 2024));

    /** The tax certificate of 992011 at 300 yen, with the fiscal years this resident may order. */
    static MenuItem tax(List<Integer> fiscalYears) {
        return new MenuItem(
                CertificateType.INCOME_TAX,
                "992011",
                List.of(IssuanceScope.SELF),
                List.of(),
                300,
                5,
                List.of(),
                fiscalYears);
    }

    static final Menu MENU = new Menu(
            List.of(RESIDENCE, TAX),
            List.of(new UnavailableItem(CertificateType.SEAL_REGISTRATION, ErrorCode.SEAL_NOT_REGISTERED)));

    static EngineSnapshot idle() {
        return EngineSnapshot.idle(Optional.empty());
    }

    static EngineSnapshot of(TransactionState state, String messageKey) {
        return with(state, messageKey, 3, List.of(), Yen.ZERO, Yen.ZERO, 0, 0, Yen.ZERO, Yen.ZERO, Yen.ZERO, null);
    }

    static EngineSnapshot pin(int triesLeft, String messageKey, String errorCode) {
        return with(
                TransactionState.CARD_PRESENT,
                messageKey,
                triesLeft,
                List.of(),
                Yen.ZERO,
                Yen.ZERO,
                0,
                0,
                Yen.ZERO,
                Yen.ZERO,
                Yen.ZERO,
                errorCode);
    }

    static EngineSnapshot ended(
            TransactionState state,
            String messageKey,
            String code,
            long inserted,
            long change,
            long refund,
            long owed) {
        return with(
                state,
                messageKey,
                3,
                List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)),
                Yen.of(200),
                Yen.of(inserted),
                1,
                0,
                Yen.of(change),
                Yen.of(refund),
                Yen.of(owed),
                code);
    }

    static EngineSnapshot with(
            TransactionState state,
            String messageKey,
            int triesLeft,
            List<OrderItem> order,
            Yen fee,
            Yen inserted,
            int copiesOrdered,
            int copiesPrinted,
            Yen change,
            Yen refund,
            Yen owed,
            String errorCode) {
        return new EngineSnapshot(
                Optional.of("T-1"),
                state,
                Optional.empty(),
                triesLeft,
                Optional.of("東雲市"),
                Optional.of(MENU),
                order,
                fee,
                inserted,
                copiesOrdered,
                copiesPrinted,
                change,
                refund,
                owed,
                Optional.ofNullable(errorCode),
                messageKey,
                true,
                false,
                0);
    }

    /** A snapshot of {@code state} whose session menu is {@code menu}. */
    static EngineSnapshot withMenu(
            Menu menu, TransactionState state, String messageKey, List<OrderItem> order, Yen fee) {
        return new EngineSnapshot(
                Optional.of("T-1"),
                state,
                Optional.empty(),
                3,
                Optional.of("東雲市"),
                Optional.of(menu),
                order,
                fee,
                Yen.ZERO,
                order.stream().mapToInt(OrderItem::copies).sum(),
                0,
                Yen.ZERO,
                Yen.ZERO,
                Yen.ZERO,
                Optional.empty(),
                messageKey,
                true,
                false,
                0);
    }
}
