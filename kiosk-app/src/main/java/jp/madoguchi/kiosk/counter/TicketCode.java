package jp.madoguchi.kiosk.counter;

import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;

/**
 * What a 受付票's QR code holds: {@code MGTICKET:<ticket number>:<transaction number>:<fee>}.
 * Ids and money only; staff scan it (or type the ticket number) to confirm the payment.
 *
 * @param ticketNumber the number called out, e.g. {@code A-023}
 * @param transactionId the terminal's transaction waiting for the payment
 * @param fee the fee to collect
 */
public record TicketCode(String ticketNumber, TransactionId transactionId, Yen fee) {
    private static final String PREFIX = "MGTICKET:";

    public TicketCode {
        if (ticketNumber == null || !ticketNumber.matches("[A-Z]-[0-9]{3}")) {
            throw new IllegalArgumentException("a ticket number looks like A-023");
        }
    }

    /** The QR code's text. */
    public String qrText() {
        return PREFIX + ticketNumber + ":" + transactionId.value() + ":" + fee.amount();
    }

    /** Reads a scanned QR text; empty when it is not a ticket code. */
    public static Optional<TicketCode> parse(String text) {
        if (text == null || !text.strip().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.strip().substring(PREFIX.length()).split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TicketCode(parts[0], new TransactionId(parts[1]), Yen.of(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
