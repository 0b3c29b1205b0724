package jp.madoguchi.kiosk.transaction;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.money.Yen;

/**
 * What the screen shows, as a read-only value: the engine publishes a new snapshot after every
 * change. It holds only what the screen needs (the resident's menu, with household member names
 * for a residence record, lives here in memory while the transaction runs); no PIN, no document.
 *
 * @param transactionId the journal's transaction number, empty when idle
 * @param state the state of design §3 ({@link TransactionState#IDLE} between residents)
 * @param closedMessageKey when idle and outside service hours: why (shown before the card is placed)
 * @param pinTriesLeft PIN tries left on the card (-1 when unknown)
 * @param municipalityName the resident's municipality, once authenticated
 * @param menu what the resident may order, once authenticated
 * @param order what the resident chose
 * @param fee what the order costs
 * @param inserted money inserted so far
 * @param copiesOrdered copies in the order
 * @param copiesPrinted copies printed so far
 * @param changePaid change the hoppers paid out
 * @param refundPaid refunds the hoppers paid out
 * @param refundOwed money owed on a refund voucher (返金票)
 * @param errorCode the last error's code (e.g. {@code WRONG_PIN}, {@code CERT_REVOKED}, {@code PAPER_JAM})
 * @param messageKey the resident-facing message key for the screen
 * @param cardInserted the card is (as far as the engine knows) still in the reader
 * @param cardLeftAlarm the card was left in the reader after printing: sound the alarm
 * @param apduCount APDUs exchanged with the card in this transaction
 */
public record EngineSnapshot(
        Optional<String> transactionId,
        TransactionState state,
        Optional<String> closedMessageKey,
        int pinTriesLeft,
        Optional<String> municipalityName,
        Optional<Menu> menu,
        List<OrderItem> order,
        Yen fee,
        Yen inserted,
        int copiesOrdered,
        int copiesPrinted,
        Yen changePaid,
        Yen refundPaid,
        Yen refundOwed,
        Optional<String> errorCode,
        String messageKey,
        boolean cardInserted,
        boolean cardLeftAlarm,
        long apduCount) {

    public EngineSnapshot {
        order = List.copyOf(order);
    }

    /** The home screen. */
    public static EngineSnapshot idle(Optional<String> closedMessageKey) {
        return new EngineSnapshot(
                Optional.empty(),
                TransactionState.IDLE,
                closedMessageKey,
                -1,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Yen.ZERO,
                Yen.ZERO,
                0,
                0,
                Yen.ZERO,
                Yen.ZERO,
                Yen.ZERO,
                Optional.empty(),
                closedMessageKey.orElse("home.placeCard"),
                false,
                false,
                0);
    }

    /** What is still to be inserted. */
    public Yen remaining() {
        return inserted.covers(fee) ? Yen.ZERO : fee.minus(inserted);
    }

    /** True when the transaction ended (or none runs). */
    public boolean isSettled() {
        return state == TransactionState.IDLE || state.isFinal();
    }
}
