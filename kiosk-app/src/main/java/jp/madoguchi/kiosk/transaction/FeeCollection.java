package jp.madoguchi.kiosk.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;

/**
 * How a confirmed fee reaches the kiosk beyond its payment device. At a store copier or a
 * self-service terminal the resident pays into the kiosk and nothing more is needed ({@link
 * #AT_THE_KIOSK}). At a municipal counter the terminal prints a 受付票 and waits, the card still
 * in the reader and the center session open, for staff to confirm the payment (package {@code
 * jp.madoguchi.kiosk.counter}); the confirmation arrives through the payment device like coins do,
 * so the engine's money and identity rules apply unchanged.
 */
public interface FeeCollection {

    /** One line of the fee: a certificate type's title, copies and per-copy fee. */
    record Line(String title, int copies, Yen perCopyFee) {}

    /** A fee the resident confirmed, as a 受付票 shows it. */
    record FeeDue(TransactionId transactionId, List<Line> lines, Yen fee) {
        public FeeDue {
            lines = List.copyOf(lines);
        }

        /** The lines of an order priced from the resident's menu. */
        public static FeeDue of(TransactionId id, List<OrderItem> order, Menu menu, Yen fee) {
            List<Line> lines = new ArrayList<>();
            for (OrderItem item : order) {
                long perCopy = menu.item(item.type()).map(MenuItem::feeYen).orElse(0);
                lines.add(new Line(item.type().japaneseTitle(), item.copies(), Yen.of(perCopy)));
            }
            return new FeeDue(id, lines, fee);
        }
    }

    /**
     * The payment device is open for {@code due}. Called on the engine thread.
     *
     * @return an error code when the resident cannot be sent to pay (the 受付票 did not print): the
     *     engine then ends the transaction and refunds nothing, as nothing was paid
     */
    Optional<String> awaitingPayment(FeeDue due);

    /** The transaction no longer waits for its fee (paid, cancelled, timed out, failed). */
    void closed(TransactionId id);

    /** How long the payment step waits before the transaction is cancelled. */
    Duration paymentWait(Duration residentTimeout);

    /** Store and self-service: the resident pays at the kiosk within the usual screen time. */
    FeeCollection AT_THE_KIOSK = new FeeCollection() {
        @Override
        public Optional<String> awaitingPayment(FeeDue due) {
            return Optional.empty();
        }

        @Override
        public void closed(TransactionId id) {}

        @Override
        public Duration paymentWait(Duration residentTimeout) {
            return residentTimeout;
        }

        @Override
        public String toString() {
            return "FeeCollection.AT_THE_KIOSK";
        }
    };
}
