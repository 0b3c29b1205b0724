package jp.madoguchi.kiosk.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff side of a municipal counter: the 受付票 waiting for payment at its terminals, and the
 * confirmation that a fee was paid. Staff scan the ticket's QR code or type its number; the fee
 * goes to that terminal's payment desk, which is what lets the terminal go on to print the
 * certificate on the back-office printer.
 */
public final class CounterWindow {
    private static final Logger LOG = LoggerFactory.getLogger(CounterWindow.class);

    /** What a confirmation gave. */
    public enum Outcome {
        /** Paid: the terminal prints the certificate now. */
        RELEASED,
        /** Neither a ticket QR nor a ticket number. */
        NOT_A_TICKET,
        /** No terminal waits for this ticket: already paid, cancelled, timed out or never issued. */
        NOT_WAITING,
        /** The typed number is open at more than one terminal: scan the QR code instead. */
        AMBIGUOUS,
        /** Less money than the fee. */
        AMOUNT_SHORT
    }

    /** The result, with the ticket it concerned when known. */
    public record Confirmation(Outcome outcome, Optional<CounterLane.OpenTicket> ticket, Yen change) {}

    private final List<CounterLane> lanes = new CopyOnWriteArrayList<>();
    private final Function<TransactionId, Optional<MoneyBalance>> journal;

    /** {@code journal} reads a transaction's money (to check that the payment was journaled). */
    public CounterWindow(Function<TransactionId, Optional<MoneyBalance>> journal) {
        this.journal = journal;
    }

    /** Adds a terminal this window serves. */
    public void serve(CounterLane lane) {
        lanes.add(lane);
    }

    /** Tickets waiting for payment, oldest first. */
    public List<CounterLane.OpenTicket> waiting() {
        List<CounterLane.OpenTicket> open = new ArrayList<>();
        for (CounterLane lane : lanes) {
            lane.openTicket().ifPresent(open::add);
        }
        open.sort(java.util.Comparator.comparing(CounterLane.OpenTicket::issuedAt));
        return open;
    }

    /** Staff received exactly the fee for the scanned or typed ticket. */
    public Confirmation confirm(String scannedOrTyped) {
        return confirm(scannedOrTyped, Optional.empty());
    }

    /**
     * Staff received {@code received} (the fee when empty) for the scanned or typed ticket. Change
     * over the fee is paid from the till and journaled as change.
     */
    public Confirmation confirm(String scannedOrTyped, Optional<Yen> received) {
        String text = scannedOrTyped == null ? "" : scannedOrTyped.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<TicketCode> scanned = TicketCode.parse(scannedOrTyped == null ? "" : scannedOrTyped.strip());
        List<CounterLane> candidates = new ArrayList<>();
        TicketCode code = null;
        if (scanned.isPresent()) {
            code = scanned.get();
            for (CounterLane lane : lanes) {
                Optional<CounterLane.OpenTicket> t = lane.openTicket();
                if (t.isPresent() && t.get().code().equals(scanned.get())) {
                    candidates.add(lane);
                }
            }
        } else if (text.matches("[A-Z]-?[0-9]{1,3}")) {
            String number = String.format("%c-%03d", text.charAt(0), Integer.parseInt(text.replaceAll("[^0-9]", "")));
            for (CounterLane lane : lanes) {
                Optional<CounterLane.OpenTicket> t = lane.openTicket();
                if (t.isPresent() && t.get().code().ticketNumber().equals(number)) {
                    candidates.add(lane);
                    code = t.get().code();
                }
            }
        } else {
            return new Confirmation(Outcome.NOT_A_TICKET, Optional.empty(), Yen.ZERO);
        }
        if (candidates.isEmpty()) {
            return new Confirmation(Outcome.NOT_WAITING, Optional.empty(), Yen.ZERO);
        }
        if (candidates.size() > 1) {
            return new Confirmation(Outcome.AMBIGUOUS, Optional.empty(), Yen.ZERO);
        }
        CounterLane lane = candidates.get(0);
        Optional<CounterLane.OpenTicket> ticket = lane.openTicket();
        Yen fee = code.fee();
        Yen money = received.orElse(fee);
        if (!money.covers(fee)) {
            return new Confirmation(Outcome.AMOUNT_SHORT, ticket, Yen.ZERO);
        }
        if (!lane.release(code, money)) {
            return new Confirmation(Outcome.NOT_WAITING, ticket, Yen.ZERO);
        }
        // The desk journals the money before release returns; read it back rather than trust it.
        boolean journaled = journal.apply(code.transactionId())
                .map(b -> b.inserted().covers(fee))
                .orElse(false);
        if (!journaled) {
            LOG.warn("{} ticket {}: the payment was not journaled", code.transactionId(), code.ticketNumber());
            return new Confirmation(Outcome.NOT_WAITING, ticket, Yen.ZERO);
        }
        LOG.info("{} ticket {} paid at the counter", code.transactionId(), code.ticketNumber());
        return new Confirmation(Outcome.RELEASED, ticket, money.minus(fee));
    }
}
