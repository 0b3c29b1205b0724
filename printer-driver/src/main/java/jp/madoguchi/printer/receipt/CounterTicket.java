package jp.madoguchi.printer.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A counter ticket (受付票) from a municipal counter terminal: the resident's number, which window
 * to go to, and a QR code the staff scan to call up the order.
 *
 * @param ticketNumber the number called out, e.g. {@code A-023}
 * @param issuedAt when it was printed
 * @param counter the window, e.g. 市民課 2番窓口
 * @param qrText what the QR code holds (an order id, never personal data)
 * @param notes lines printed under the number (what to bring, fees to pay at the counter)
 */
public record CounterTicket(
        String ticketNumber, LocalDateTime issuedAt, String counter, String qrText, List<String> notes)
        implements Receipt {
    public CounterTicket {
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(qrText, "qrText");
        notes = List.copyOf(notes);
    }
}
