package jp.madoguchi.kiosk.clerk;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.counter.TicketCode;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Finds a transaction from what is printed on paper the resident brings: the transaction number
 * on a receipt (領収書), a refund voucher's (返金票) number or QR text, or a 受付票's QR text. It
 * shows the journal's ids, states, codes and money, never who the resident was.
 */
public final class TransactionLookup {
    private static final String VOUCHER_QR = "MGREFUND:";

    private final ClerkJournal records;

    public TransactionLookup(ClerkJournal records) {
        this.records = records;
    }

    /**
     * The transaction a scanned or typed code names.
     *
     * @return empty when the code is well formed but this kiosk's journal does not know it
     * @throws ClerkActionRefused NOT_A_RECEIPT_CODE when the text is none of the printed codes
     */
    public Optional<TransactionDetails> find(String scannedOrTyped) {
        return details(transactionOf(scannedOrTyped));
    }

    /** The transaction {@code id}, if the journal knows it. */
    public Optional<TransactionDetails> details(TransactionId id) {
        return records.transaction(id).map(summary -> {
            List<ClerkEvent> events = records.eventsFor(id);
            Yen manual = sum(events, null);
            Yen redeemed = sum(events, RefundReason.VOUCHER_REDEEMED);
            Yen kept = summary.kept();
            Yen refundable = kept.covers(manual) ? kept.minus(manual) : Yen.ZERO;
            Yen voucher = summary.vouchersOwed().covers(redeemed)
                    ? summary.vouchersOwed().minus(redeemed)
                    : Yen.ZERO;
            return new TransactionDetails(summary, records.stateChanges(id), events, manual, refundable, voucher);
        });
    }

    /** The transaction number in a printed code. */
    public static TransactionId transactionOf(String scannedOrTyped) {
        String text = scannedOrTyped == null ? "" : scannedOrTyped.strip();
        Optional<TicketCode> ticket = TicketCode.parse(text);
        if (ticket.isPresent()) {
            return ticket.get().transactionId();
        }
        try {
            if (text.startsWith(VOUCHER_QR)) {
                String[] parts = text.substring(VOUCHER_QR.length()).split(":");
                if (parts.length == 3) {
                    return new TransactionId(parts[1]);
                }
            } else if (text.endsWith("-R")) {
                return new TransactionId(text.substring(0, text.length() - 2));
            } else if (text.matches("[A-Za-z0-9]{1,16}-[0-9]{8}-[0-9]{4,}")) {
                return new TransactionId(text);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new ClerkActionRefused(
                ClerkActionRefused.Reason.NOT_A_RECEIPT_CODE,
                "not a transaction number or receipt code: type the 取引番号 as printed (e.g. K0001-20261123-0007)"
                        + " or scan the QR code of a 返金票 or 受付票");
    }

    private static Yen sum(List<ClerkEvent> events, RefundReason only) {
        return events.stream()
                .filter(e -> e.kind() == ClerkEventKind.MANUAL_REFUND)
                .filter(e ->
                        only == null || e.code().map(Code::value).orElse("").equals(only.name()))
                .map(ClerkEvent::amount)
                .reduce(Yen.ZERO, Yen::plus);
    }
}
