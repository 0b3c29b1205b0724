package jp.madoguchi.kiosk.counter;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.CounterPaymentDesk;
import jp.madoguchi.kiosk.transaction.FeeCollection;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.receipt.CounterTicket;
import jp.madoguchi.printer.receipt.ReceiptPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resident terminal at a municipal counter, as its engine's {@link FeeCollection}: when the
 * resident confirms the fee it prints a 受付票 (number, items, fee, QR) on the terminal's receipt
 * printer and holds that one ticket open; staff confirm it through {@link CounterWindow}, which
 * hands the fee to the terminal's {@link CounterPaymentDesk}. At most one ticket is open per
 * terminal, it belongs to exactly one transaction, and it closes the moment that transaction is
 * paid or ends, so a ticket can never release another resident's documents, nor its own after
 * the session is gone.
 */
public final class CounterLane implements FeeCollection {
    private static final Logger LOG = LoggerFactory.getLogger(CounterLane.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** A 受付票 waiting for staff. */
    public record OpenTicket(TicketCode code, String kioskId, List<Line> lines, LocalDateTime issuedAt) {
        public OpenTicket {
            lines = List.copyOf(lines);
        }
    }

    private final String kioskId;
    private final char prefix;
    private final String window;
    private final Duration paymentWait;
    private final ReceiptPrinter printer;
    private final CounterPaymentDesk desk;
    private final Clock clock;
    private OpenTicket open;
    private LocalDate numberingDay;
    private int lastNumber;

    /**
     * @param prefix the letter the tickets of this terminal start with
     * @param window where the resident goes, printed on the ticket (e.g. 市民課 2番窓口)
     * @param paymentWait how long the terminal waits for staff before cancelling
     */
    public CounterLane(
            String kioskId,
            char prefix,
            String window,
            Duration paymentWait,
            ReceiptPrinter printer,
            CounterPaymentDesk desk,
            Clock clock) {
        if (prefix < 'A' || prefix > 'Z') {
            throw new IllegalArgumentException("a ticket prefix is one letter A-Z");
        }
        this.kioskId = kioskId;
        this.prefix = prefix;
        this.window = window;
        this.paymentWait = paymentWait;
        this.printer = printer;
        this.desk = desk;
        this.clock = clock;
    }

    public String kioskId() {
        return kioskId;
    }

    @Override
    public synchronized Optional<String> awaitingPayment(FeeDue due) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(JAPAN));
        if (!now.toLocalDate().equals(numberingDay)) {
            numberingDay = now.toLocalDate();
            lastNumber = 0; // numbers start again each day, as a counter's do
        }
        lastNumber = lastNumber % 999 + 1;
        TicketCode code = new TicketCode(String.format("%c-%03d", prefix, lastNumber), due.transactionId(), due.fee());
        List<String> notes = new ArrayList<>();
        for (Line line : due.lines()) {
            notes.add(line.title() + " " + line.copies() + "通 × " + yen(line.perCopyFee()));
        }
        notes.add("手数料 合計 " + yen(due.fee()));
        notes.add("この票を窓口にお出しください。お支払いの後、証明書をお渡しします。");
        notes.add("カードは端末に置いたままにしてください。");
        try {
            printer.print(new CounterTicket(code.ticketNumber(), now, window, code.qrText(), notes));
        } catch (PrinterException e) {
            LOG.warn("{} counter ticket not printed: {}", due.transactionId(), e.code());
            return Optional.of("TICKET_NOT_PRINTED");
        }
        open = new OpenTicket(code, kioskId, due.lines(), now);
        LOG.info("{} ticket {} waits for payment of {}", due.transactionId(), code.ticketNumber(), due.fee());
        return Optional.empty();
    }

    @Override
    public synchronized void closed(TransactionId id) {
        if (open != null && open.code().transactionId().equals(id)) {
            LOG.info("{} ticket {} closed", id, open.code().ticketNumber());
            open = null;
        }
    }

    @Override
    public Duration paymentWait(Duration residentTimeout) {
        return paymentWait;
    }

    /** The ticket waiting now, if any. */
    public synchronized Optional<OpenTicket> openTicket() {
        return Optional.ofNullable(open);
    }

    /**
     * Staff took {@code received} for {@code code}: hands it to the terminal's payment desk if and
     * only if {@code code} is this terminal's open ticket and its transaction still waits. Holding
     * the lane's lock while doing so means the transaction cannot end in between.
     */
    synchronized boolean release(TicketCode code, Yen received) {
        if (open == null || !open.code().equals(code)) {
            return false;
        }
        return desk.isCollecting() && desk.staffReceived(received);
    }

    private static String yen(Yen amount) {
        return String.format("%,d円", amount.amount());
    }
}
