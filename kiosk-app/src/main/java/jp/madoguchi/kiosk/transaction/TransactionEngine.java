package jp.madoguchi.kiosk.transaction;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import jp.madoguchi.card.JpkiCard;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.Challenge;
import jp.madoguchi.center.Issuance;
import jp.madoguchi.center.VerifiedDocument;
import jp.madoguchi.center.protocol.DocumentMetadata;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.hours.ClosedReason;
import jp.madoguchi.kiosk.hours.ServiceHours;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.PaymentSession;
import jp.madoguchi.kiosk.payment.Payout;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.ipp.PrintOutcome;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.receipt.TransactionReceipt;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.PrintableCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless transaction engine of one kiosk (design §3): card → PIN → center session → order →
 * fee → payment → documents → printing → card out. The UI sends intents ({@link #cardInserted},
 * {@link #pinEntered}, {@link #orderChosen}, {@link #feeConfirmed}, {@link #cancel}, {@link
 * #cardRemoved}, {@link #timeout}) and observes {@link EngineSnapshot}s; money arrives from the
 * payment device.
 *
 * <p>Rules it keeps:
 *
 * <ul>
 *   <li>Every transition is journaled before its side effect.
 *   <li>Identity: all of one resident's work lives in one {@code Resident} object created at card
 *       insertion and dropped at the end; there is no queue of documents that outlives it. A
 *       document is printed only if the center client verified its binding and this engine finds
 *       it belongs to THIS transaction's issuance, session, kiosk and card certificate. Any
 *       timeout, cancel, card removal, printer fault or center error tears down the whole
 *       issuance: outcome reported, session closed, documents wiped, money settled.
 *   <li>Money: pay before print; cash in = fees of printed copies + change + refunds (paid or
 *       owed on a 返金票).
 * </ul>
 *
 * <p>Intents run one at a time on the engine's own thread; each returns a future of the snapshot
 * after it. Logs carry transaction ids, states, counts and error codes only.
 */
public final class TransactionEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionEngine.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final String kioskId;
    private final EngineDevices devices;
    private final Journal journal;
    private final ServiceHours hours;
    private final Clock clock;
    private final EngineSettings settings;
    private final ExecutorService thread;
    private final ScheduledExecutorService timer;
    private final List<Consumer<EngineSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile EngineSnapshot snapshot;
    private volatile Resident current;
    private ScheduledFuture<?> pendingTimeout;
    private long step;

    public TransactionEngine(
            String kioskId,
            EngineDevices devices,
            Journal journal,
            ServiceHours hours,
            Clock clock,
            EngineSettings settings) {
        this.kioskId = kioskId;
        this.devices = devices;
        this.journal = journal;
        this.hours = hours;
        this.clock = clock;
        this.settings = settings;
        this.thread = Executors.newSingleThreadExecutor(r -> daemon(r, "engine-" + kioskId));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "engine-timer-" + kioskId));
        this.snapshot = EngineSnapshot.idle(closedKey());
    }

    /** The latest snapshot; when idle, the closed reason is evaluated now. */
    public EngineSnapshot snapshot() {
        EngineSnapshot s = snapshot;
        if (s.state() == TransactionState.IDLE) {
            return EngineSnapshot.idle(closedKey());
        }
        return s;
    }

    /** Calls {@code listener} with every new snapshot, on the engine thread. */
    public void addListener(Consumer<EngineSnapshot> listener) {
        listeners.add(listener);
    }

    /**
     * Waits up to {@code timeout} for a snapshot that satisfies {@code condition} (the current one
     * counts) and returns it; empty on timeout. For drivers without a screen: the demo, tests, the bench.
     */
    public Optional<EngineSnapshot> await(
            java.util.function.Predicate<EngineSnapshot> condition, java.time.Duration timeout)
            throws InterruptedException {
        java.util.concurrent.CompletableFuture<EngineSnapshot> seen = new java.util.concurrent.CompletableFuture<>();
        Consumer<EngineSnapshot> watcher = s -> {
            if (condition.test(s)) {
                seen.complete(s);
            }
        };
        listeners.add(watcher);
        try {
            EngineSnapshot now = snapshot();
            if (condition.test(now)) {
                return Optional.of(now);
            }
            return Optional.of(seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            listeners.remove(watcher);
        }
    }

    // ---- intents -------------------------------------------------------------------------------

    /** The resident placed a card. Refused (no transaction) outside service hours. */
    public CompletableFuture<EngineSnapshot> cardInserted() {
        return submit(this::onCardInserted);
    }

    /** The resident entered the PIN; the engine zeroes {@code pin} once used. */
    public CompletableFuture<EngineSnapshot> pinEntered(char[] pin) {
        return submit(() -> onPinEntered(pin));
    }

    /** The resident chose what to order. */
    public CompletableFuture<EngineSnapshot> orderChosen(List<OrderItem> items) {
        List<OrderItem> order = List.copyOf(items);
        return submit(() -> onOrderChosen(order));
    }

    /** The resident confirmed the fee: the payment device opens. */
    public CompletableFuture<EngineSnapshot> feeConfirmed() {
        return submit(this::onFeeConfirmed);
    }

    /** The resident pressed cancel: everything is torn down and the money refunded. */
    public CompletableFuture<EngineSnapshot> cancel() {
        requestAbort("CANCELLED");
        return submit(() -> onAbort("CANCELLED", "transaction.cancelled"));
    }

    /** The card left the reader. After printing this ends the transaction; before, it aborts it. */
    public CompletableFuture<EngineSnapshot> cardRemoved() {
        requestAbort("CARD_REMOVED");
        return submit(this::onCardRemoved);
    }

    /** The screen's time ran out (also fired by the engine's own timer). */
    public CompletableFuture<EngineSnapshot> timeout() {
        return submit(this::onTimeout);
    }

    /**
     * The resident is still at the screen (touched it, or answered the "more time?" dialog): the
     * per-screen timer starts again. Ignored in busy and final states.
     */
    public CompletableFuture<EngineSnapshot> residentActive() {
        return submit(() -> {
            Resident r = current;
            if (r == null || r.ended) {
                return;
            }
            switch (r.state) {
                case CARD_PRESENT, AUTHENTICATED, ORDER_CHOSEN, FEE_CONFIRMED -> scheduleTimeout(r);
                default -> {}
            }
        });
    }

    // ---- handlers (engine thread) --------------------------------------------------------------

    private void onCardInserted() {
        Resident r = current;
        if (r != null) {
            if (!r.ended) {
                return; // a second insertion event for the same card
            }
            current = null; // the previous resident's card was taken and a new one placed
        }
        Optional<String> closed = closedKey();
        if (closed.isPresent()) {
            LOG.info("card refused: closed ({})", closed.get());
            publish(EngineSnapshot.idle(closed));
            return;
        }
        r = new Resident(journal.begin());
        current = r;
        r.state = TransactionState.CARD_PRESENT;
        LOG.info("{} card present", r.id);
        try {
            r.card = devices.readerName().isEmpty()
                    ? devices.cardReaders().openFirstCard()
                    : devices.cardReaders().open(devices.readerName());
            if (r.card.kind() != CardKind.MY_NUMBER_CARD) {
                end(r, TransactionState.CANCELLED, "NOT_A_MY_NUMBER_CARD", "card.notMyNumberCard");
                return;
            }
            r.cardCertificate = r.card.readAuthCertificate();
            r.cardCertificateSha256 = sha256Hex(r.cardCertificate);
            r.pinTriesLeft = r.card.authPinTriesLeft();
            if (r.pinTriesLeft == 0) {
                end(r, TransactionState.FAILED, "PIN_LOCKED", "card.pinLocked");
                return;
            }
            r.messageKey = "pin.enter";
            publish(r);
            scheduleTimeout(r);
        } catch (CardException e) {
            cardFailure(r, e);
        }
    }

    private void onPinEntered(char[] pin) {
        try {
            Resident r = current;
            if (r == null || r.ended || r.state != TransactionState.CARD_PRESENT) {
                return;
            }
            try {
                r.card.verifyAuthPin(pin);
            } catch (CardException e) {
                Arrays.fill(pin, '\0');
                if (e.code() == CardErrorCode.WRONG_PIN) {
                    r.pinTriesLeft = e.triesLeft().orElse(r.pinTriesLeft - 1);
                    r.errorCode = "WRONG_PIN";
                    r.messageKey = r.pinTriesLeft == 1 ? "pin.wrong.lastTry" : "pin.wrong";
                    LOG.info("{} wrong PIN, {} tries left", r.id, r.pinTriesLeft);
                    publish(r);
                    scheduleTimeout(r);
                    return;
                }
                if (e.code() == CardErrorCode.INVALID_PIN_FORMAT) {
                    r.errorCode = "INVALID_PIN_FORMAT";
                    r.messageKey = "pin.format";
                    publish(r);
                    return;
                }
                cardFailure(r, e);
                return;
            }
            Arrays.fill(pin, '\0');
            transition(r, TransactionState.PIN_VERIFIED, null);
            if (aborted(r)) {
                return;
            }
            Challenge challenge = devices.center().requestChallenge();
            if (aborted(r)) {
                return;
            }
            byte[] signature = r.card.signWithAuthKey(challenge.digestToSign());
            CenterSession session = devices.center().openSession(challenge, r.cardCertificate, signature);
            // Recorded before anything else: start-up recovery closes a session it knows of.
            r.session = session;
            journal.recordCenterSession(r.id, session.municipalityCode(), session.sessionId());
            if (!session.cardCertificateSha256().equals(r.cardCertificateSha256)) {
                end(r, TransactionState.FAILED, "SESSION_NOT_FOR_THIS_CARD", "transaction.failed");
                return;
            }
            if (aborted(r)) {
                return;
            }
            r.messageKey = "menu.choose";
            r.errorCode = null;
            transition(r, TransactionState.AUTHENTICATED, null);
        } catch (CardException e) {
            cardFailure(current, e);
        } catch (CenterException e) {
            centerFailure(current, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private void onOrderChosen(List<OrderItem> order) {
        Resident r = current;
        if (r == null
                || r.ended
                || (r.state != TransactionState.AUTHENTICATED && r.state != TransactionState.ORDER_CHOSEN)) {
            return;
        }
        Yen fee = Yen.ZERO;
        int copies = 0;
        for (OrderItem item : order) {
            Optional<MenuItem> offered = r.session.menu().item(item.type());
            if (offered.isEmpty()) {
                r.errorCode = r.session
                        .menu()
                        .reasonUnavailable(item.type())
                        .map(Enum::name)
                        .orElse("NOT_OFFERED");
                r.messageKey = "center.error." + r.errorCode;
                publish(r);
                return;
            }
            MenuItem m = offered.get();
            if (item.copies() > m.maxCopies()
                    || !m.scopes().contains(item.scope())
                    || !m.options().containsAll(item.options())
                    || !m.offersFiscalYear(item.fiscalYear())) {
                r.errorCode = "ORDER_NOT_ALLOWED";
                r.messageKey = "order.notAllowed";
                publish(r);
                return;
            }
            fee = fee.plus(Yen.of(m.feeYen()).times(item.copies()));
            copies += item.copies();
        }
        if (order.isEmpty()) {
            r.errorCode = "ORDER_EMPTY";
            r.messageKey = "order.empty";
            publish(r);
            return;
        }
        r.order = order;
        r.fee = fee;
        r.copiesOrdered = copies;
        r.errorCode = null;
        r.messageKey = "fee.confirm";
        transition(r, TransactionState.ORDER_CHOSEN, null);
    }

    private void onFeeConfirmed() {
        Resident r = current;
        if (r == null || r.ended || r.state != TransactionState.ORDER_CHOSEN) {
            return;
        }
        r.messageKey = "payment.insert";
        transition(r, TransactionState.FEE_CONFIRMED, null);
        Resident owner = r;
        r.payment = new PaymentSession(devices.cashAcceptor(), devices.changeDispenser(), r.fee, money -> {
            // The device's thread: journal the coin first, then tell the engine.
            journal.recordCash(owner.id, CashEventKind.INSERTED, money);
            submit(() -> onMoneyInserted(owner, money));
        });
        if (r.payment.isPaid()) {
            onPaid(r); // a free certificate (campaign price 0)
            return;
        }
        // A counter terminal prints its 受付票 here; staff confirm the payment through the acceptor.
        Optional<String> notSent = devices.feeCollection()
                .awaitingPayment(FeeCollection.FeeDue.of(r.id, r.order, r.session.menu(), r.fee));
        if (notSent.isPresent()) {
            end(r, TransactionState.FAILED, notSent.get(), "counter.ticketNotPrinted");
        }
    }

    private void onMoneyInserted(Resident r, Yen money) {
        r.inserted = r.inserted.plus(money);
        if (r != current || r.ended) {
            return; // the transaction ended meanwhile: its settlement already counted this coin
        }
        if (r.state == TransactionState.FEE_CONFIRMED && r.payment.isPaid()) {
            onPaid(r);
        } else {
            publish(r);
        }
    }

    private void onPaid(Resident r) {
        devices.feeCollection().closed(r.id);
        r.messageKey = "printing.wait";
        transition(r, TransactionState.PAID, null);
        if (aborted(r)) {
            return;
        }
        try {
            // The transaction id is the idempotency key: a lost answer is retried to the same documents.
            Issuance issuance = devices.center().issue(r.session, r.order, r.id.value());
            r.issuance = issuance;
            journal.recordIssuance(r.id, issuance.issuanceId());
            Optional<String> mismatch = mismatch(r, issuance);
            if (mismatch.isPresent()) {
                LOG.warn("{} issuance {} refused by the engine: {}", r.id, issuance.issuanceId(), mismatch.get());
                end(r, TransactionState.FAILED, "DOCUMENT_NOT_FOR_THIS_TRANSACTION", "transaction.failed");
                return;
            }
            for (VerifiedDocument d : issuance.documents()) {
                DocumentMetadata m = d.metadata();
                journal.recordOrderedDocument(
                        r.id,
                        new OrderedDocument(m.documentId(), m.type().name(), m.copies(), Yen.of(m.feeYenPerCopy())));
            }
            transition(r, TransactionState.DOCUMENTS_RECEIVED, null);
        } catch (CenterException e) {
            centerFailure(r, e);
            return;
        }
        if (aborted(r)) {
            return;
        }
        print(r);
    }

    private void print(Resident r) {
        transition(r, TransactionState.PRINTING, null);
        Optional<String> failure = Optional.empty();
        for (VerifiedDocument d : r.issuance.documents()) {
            DocumentMetadata m = d.metadata();
            PrintableCertificate printable = null;
            try {
                printable = devices.overlay()
                        .apply(
                                d.content(),
                                new CertificateMetadata(
                                        m.documentId(),
                                        m.municipalityCode(),
                                        LocalDateTime.ofInstant(m.issuedAt(), JAPAN)
                                                .toLocalDate()));
                for (int copy = 1; copy <= m.copies(); copy++) {
                    if (r.abortCode != null) {
                        failure = Optional.of(r.abortCode);
                        break;
                    }
                    PrintOutcome outcome = devices.certificatePrinter().print(printable, settings.printTimeLimit());
                    if (!outcome.printed()) {
                        failure = Optional.of(outcome.failure().map(Enum::name).orElse("NOT_PRINTED"));
                        LOG.warn("{} document {} copy {} not printed: {}", r.id, m.documentId(), copy, failure.get());
                        break;
                    }
                    journal.recordCopyPrinted(
                            r.id,
                            m.documentId(),
                            copy,
                            m.municipalityCode(),
                            m.type().name(),
                            FeeSplit.of(Yen.of(m.feeYenPerCopy()), settings.operatorShare()));
                    r.printedCopies.merge(m.documentId(), 1, Integer::sum);
                    r.printedFees = r.printedFees.plus(Yen.of(m.feeYenPerCopy()));
                    r.copiesPrinted++;
                    publish(r);
                }
            } catch (PrinterException e) {
                failure = Optional.of(e.code().name());
                LOG.warn("{} document {} not printable: {}", r.id, m.documentId(), e.code());
            } finally {
                if (printable != null) {
                    printable.wipe();
                }
            }
            if (failure.isPresent()) {
                break;
            }
        }
        if (failure.isPresent()) {
            String code = failure.get();
            boolean residentAbort = code.equals("CARD_REMOVED") || code.equals("CANCELLED");
            end(
                    r,
                    residentAbort ? TransactionState.CANCELLED : TransactionState.FAILED,
                    code,
                    residentAbort ? "transaction.cancelled" : "printing.failed");
            return;
        }
        r.messageKey = "card.take";
        // Published only once change is paid and the center is told, so the screen shows the end.
        journal.transition(r.id, TransactionState.PRINTED, null);
        r.state = TransactionState.PRINTED;
        settle(r);
        printReceipt(r); // before the teardown wipes the documents the receipt lists
        tearDownCenter(r);
        closeCard(r);
        r.errorCode = null;
        r.messageKey = r.refundOwed.isZero() ? "card.take" : "refund.voucher";
        publish(r);
        scheduleTimeout(r); // the card-left alarm
    }

    private void onCardRemoved() {
        Resident r = current;
        if (r == null) {
            return;
        }
        r.cardInserted = false;
        if (r.ended) {
            current = null;
            publish(EngineSnapshot.idle(closedKey()));
            return;
        }
        if (r.state == TransactionState.PRINTED) {
            transition(r, TransactionState.CARD_REMOVED, null);
            r.ended = true;
            transition(r, TransactionState.DONE, null);
            LOG.info("{} done: {} copies, fee {}, inserted {}", r.id, r.copiesPrinted, r.fee, r.inserted);
            current = null;
            publish(EngineSnapshot.idle(closedKey()));
            return;
        }
        end(r, TransactionState.CANCELLED, "CARD_REMOVED", "transaction.cardRemoved");
        current = null;
        publish(EngineSnapshot.idle(closedKey()));
    }

    private void onAbort(String code, String messageKey) {
        Resident r = current;
        if (r == null || r.ended || r.state == TransactionState.PRINTED) {
            return;
        }
        end(r, TransactionState.CANCELLED, code, messageKey);
    }

    private void onTimeout() {
        Resident r = current;
        if (r == null || r.ended) {
            return;
        }
        switch (r.state) {
            case CARD_PRESENT, AUTHENTICATED, ORDER_CHOSEN, FEE_CONFIRMED -> end(
                    r, TransactionState.CANCELLED, "TIMEOUT", "transaction.timeout");
            case PRINTED -> {
                r.cardLeftAlarm = true;
                r.messageKey = "card.leftAlarm";
                publish(r);
            }
            default -> {} // busy states are bounded by the devices' and the center's own limits
        }
    }

    // ---- teardown ------------------------------------------------------------------------------

    /**
     * Ends the whole issuance: stop the payment device, settle the money (refund everything not
     * earned by a printed copy), report the outcome to the center and close the session, wipe the
     * documents, reset the card; then journal the final state.
     */
    private void end(Resident r, TransactionState finalState, String code, String messageKey) {
        if (r == null || r.ended) {
            return;
        }
        r.ended = true;
        r.errorCode = code;
        LOG.info("{} ends {} in {}: {}", r.id, finalState, r.state, code);
        devices.feeCollection().closed(r.id); // before settling: a 受付票 releases nothing from now on
        settle(r);
        if (r.copiesPrinted > 0) {
            printReceipt(r); // before the teardown wipes the documents the receipt lists
        }
        tearDownCenter(r);
        closeCard(r);
        r.messageKey = r.refundOwed.isZero() ? messageKey : "refund.voucher";
        r.state = finalState;
        journal.transition(r.id, finalState, code);
        cancelTimeout();
        publish(r);
    }

    /** Gives back everything the resident paid that no printed copy earned. */
    private void settle(Resident r) {
        PaymentSession payment = r.payment;
        if (payment == null) {
            return;
        }
        payment.close(); // inhibit first: no coin may arrive after the sums are made
        Yen inserted = payment.inserted();
        Yen earned = r.printedFees;
        if (inserted.equals(earned) || r.settled) {
            r.settled = true;
            return;
        }
        r.settled = true;
        if (!payment.isPaid() || !r.fee.equals(earned)) {
            // Journaled before any coin moves: a crash from here on is recovered with a voucher.
            // (Plain change after a full print needs no mark: recovery of PRINTED pays what is held.)
            journal.transition(r.id, TransactionState.REFUND_DUE, r.errorCode);
        }
        if (payment.isPaid()) {
            record(r, CashEventKind.CHANGE_PAID, payment.payChange());
            Yen unprinted = r.fee.minus(earned);
            if (!unprinted.isZero()) {
                record(r, CashEventKind.REFUND_PAID, payment.refund(unprinted));
            }
        } else {
            record(r, CashEventKind.REFUND_PAID, payment.refundAll());
        }
        if (!r.refundOwed.isZero()) {
            printVoucher(r);
        }
    }

    private void record(Resident r, CashEventKind paidKind, Payout payout) {
        journal.recordCash(r.id, paidKind, payout.paid());
        journal.recordCash(r.id, CashEventKind.REFUND_VOUCHER, payout.owed());
        if (paidKind == CashEventKind.CHANGE_PAID) {
            r.changePaid = r.changePaid.plus(payout.paid());
        } else {
            r.refundPaid = r.refundPaid.plus(payout.paid());
        }
        r.refundOwed = r.refundOwed.plus(payout.owed());
    }

    private void printVoucher(Resident r) {
        try {
            devices.receiptPrinter()
                    .print(new RefundVoucher(
                            r.id.value() + "-R",
                            r.id.value(),
                            LocalDateTime.now(clock.withZone(JAPAN)),
                            Math.toIntExact(r.refundOwed.amount()),
                            "印刷できなかったため"));
        } catch (PrinterException e) {
            // The debt is in the journal; the clerk pays it from the journal look-up.
            LOG.warn("{} refund voucher not printed ({}): owed {} stays in the journal", r.id, e.code(), r.refundOwed);
            r.voucherNotPrinted = true;
        }
    }

    private void printReceipt(Resident r) {
        if (r.copiesPrinted == 0 || r.issuance == null) {
            return;
        }
        List<TransactionReceipt.Item> items = new ArrayList<>();
        for (VerifiedDocument d : r.issuance.documents()) {
            int copies = r.printedCopies.getOrDefault(d.documentId(), 0);
            if (copies > 0) {
                items.add(new TransactionReceipt.Item(
                        d.metadata().type().japaneseTitle(),
                        copies,
                        d.metadata().feeYenPerCopy()));
            }
        }
        try {
            devices.receiptPrinter()
                    .print(new TransactionReceipt(
                            settings.receiptHeader(),
                            r.id.value(),
                            LocalDateTime.now(clock.withZone(JAPAN)),
                            items,
                            Math.toIntExact(r.inserted().amount())));
        } catch (PrinterException e) {
            LOG.warn("{} receipt not printed: {}", r.id, e.code());
        }
    }

    private void tearDownCenter(Resident r) {
        if (r.issuance != null) {
            List<String> printed = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (VerifiedDocument d : r.issuance.documents()) {
                (r.printedCopies.getOrDefault(d.documentId(), 0) > 0 ? printed : failed).add(d.documentId());
            }
            boolean sessionEnded = false;
            try {
                if (r.session != null) {
                    // One call reports the outcome and ends the session (the client falls back to
                    // DELETE when the center does not end it).
                    devices.center()
                            .reportOutcomeAndClose(r.session.sessionId(), r.issuance.issuanceId(), printed, failed);
                    sessionEnded = true;
                } else {
                    devices.center().reportOutcome(r.issuance.issuanceId(), printed, failed);
                }
            } catch (CenterException e) {
                // Closing the session below voids what was not reported; the center also expires it.
                LOG.warn("{} outcome not reported: {}", r.id, e.code());
            }
            r.issuance.wipe();
            r.issuance = null;
            if (sessionEnded) {
                r.sessionName = r.session.municipalityName();
                r.session = null;
            }
        }
        if (r.session != null) {
            try {
                devices.center().closeSession(r.session.sessionId());
            } catch (CenterException e) {
                LOG.warn("{} session not closed: {} (the center expires it)", r.id, e.code());
            }
            r.sessionName = r.session.municipalityName();
            r.session = null;
        }
    }

    private void closeCard(Resident r) {
        if (r.card != null) {
            r.apduCount = r.card.apduCount();
            try {
                r.card.close();
            } catch (CardException e) {
                LOG.debug("{} card close: {}", r.id, e.code());
            }
            r.card = null;
        }
        r.cardCertificate = null;
    }

    // ---- checks and helpers --------------------------------------------------------------------

    /**
     * The engine's own identity check on top of the client's: every document belongs to THIS
     * transaction's issuance, session, kiosk and card, and matches the order item it answers.
     */
    private Optional<String> mismatch(Resident r, Issuance issuance) {
        if (!issuance.sessionId().equals(r.session.sessionId())) {
            return Optional.of("issuance of another session");
        }
        if (issuance.documents().size() != r.order.size()) {
            return Optional.of("document count differs from the order");
        }
        long total = 0;
        for (VerifiedDocument d : issuance.documents()) {
            DocumentMetadata m = d.metadata();
            if (!m.issuanceId().equals(issuance.issuanceId())
                    || !m.sessionId().equals(r.session.sessionId())
                    || !m.kioskId().equals(kioskId)
                    || !m.cardCertificateSha256().equalsIgnoreCase(r.cardCertificateSha256)) {
                return Optional.of("document " + m.documentId() + " is bound elsewhere");
            }
            if (m.itemIndex() < 0 || m.itemIndex() >= r.order.size()) {
                return Optional.of("document " + m.documentId() + " answers no order item");
            }
            OrderItem item = r.order.get(m.itemIndex());
            if (item.type() != m.type()
                    || item.copies() != m.copies()
                    || !java.util.Objects.equals(item.fiscalYear(), m.fiscalYear())) {
                return Optional.of("document " + m.documentId() + " differs from its order item");
            }
            total += (long) m.feeYenPerCopy() * m.copies();
        }
        if (total != r.fee.amount()) {
            return Optional.of("documents cost " + total + " but the resident paid for " + r.fee.amount());
        }
        return Optional.empty();
    }

    private boolean aborted(Resident r) {
        if (r.abortCode == null) {
            return false;
        }
        end(
                r,
                TransactionState.CANCELLED,
                r.abortCode,
                r.abortCode.equals("CARD_REMOVED") ? "transaction.cardRemoved" : "transaction.cancelled");
        return true;
    }

    /** From any thread: marks the running transaction and cuts short a center call in flight. */
    private void requestAbort(String code) {
        Resident r = current;
        if (r == null || r.ended || r.abortCode != null) {
            return;
        }
        TransactionState s = r.state;
        if (s == TransactionState.PRINTED) {
            return;
        }
        r.abortCode = code;
        if (s == TransactionState.CARD_PRESENT || s == TransactionState.PIN_VERIFIED || s == TransactionState.PAID) {
            devices.center().cancelInFlight();
        }
    }

    private void cardFailure(Resident r, CardException e) {
        if (r == null || r.ended) {
            return;
        }
        String key =
                switch (e.code()) {
                    case PIN_LOCKED -> "card.pinLocked";
                    case CARD_REMOVED, NO_CARD -> "transaction.cardRemoved";
                    case NOT_A_MY_NUMBER_CARD -> "card.notMyNumberCard";
                    default -> "card.unreadable";
                };
        TransactionState end = e.code() == CardErrorCode.CARD_REMOVED || e.code() == CardErrorCode.NO_CARD
                ? TransactionState.CANCELLED
                : TransactionState.FAILED;
        end(r, end, e.code().name(), key);
    }

    private void centerFailure(Resident r, CenterException e) {
        if (r == null || r.ended) {
            return;
        }
        if (r.abortCode != null) {
            aborted(r); // the call was cancelled because the resident left
            return;
        }
        end(r, TransactionState.FAILED, e.code().name(), e.messageKey());
    }

    private void transition(Resident r, TransactionState state, String code) {
        journal.transition(r.id, state, code);
        r.state = state;
        publish(r);
        scheduleTimeout(r);
    }

    private void scheduleTimeout(Resident r) {
        cancelTimeout();
        long mine = ++step;
        if (timer.isShutdown()) {
            return; // the engine is closing
        }
        pendingTimeout = timer.schedule(
                () -> submit(() -> {
                    if (step == mine && current == r) {
                        onTimeout();
                    }
                }),
                (r.state == TransactionState.FEE_CONFIRMED
                                ? devices.feeCollection().paymentWait(settings.residentTimeout())
                                : settings.residentTimeout())
                        .toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void cancelTimeout() {
        if (pendingTimeout != null) {
            pendingTimeout.cancel(false);
            pendingTimeout = null;
        }
        step++;
    }

    private Optional<String> closedKey() {
        return hours.closedAt(clock.instant()).map(ClosedReason::messageKey);
    }

    private void publish(Resident r) {
        publish(r.snapshot());
    }

    private void publish(EngineSnapshot s) {
        snapshot = s;
        for (Consumer<EngineSnapshot> listener : listeners) {
            try {
                listener.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("a snapshot listener failed: {}", e.toString());
            }
        }
    }

    private interface Handler {
        void run();
    }

    private CompletableFuture<EngineSnapshot> submit(Handler handler) {
        CompletableFuture<EngineSnapshot> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    handler.run();
                    done.complete(snapshot());
                } catch (RuntimeException e) {
                    LOG.error("engine step failed: {}", e.toString());
                    Resident r = current;
                    if (r != null && !r.ended) {
                        try {
                            end(r, TransactionState.FAILED, "INTERNAL_ERROR", "transaction.failed");
                        } catch (RuntimeException again) {
                            LOG.error("teardown after a failure failed too: {}", again.toString());
                        }
                    }
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Stops the engine; a running transaction is left to start-up recovery. */
    @Override
    public void close() {
        timer.shutdownNow();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static String sha256Hex(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new CardException(CardErrorCode.MALFORMED_RESPONSE, "the card certificate cannot be encoded", e);
        }
    }

    /**
     * Everything of one resident's transaction, and nothing that outlives it. Created when the card
     * is placed, dropped when it is taken; the engine holds at most one.
     */
    private final class Resident {
        final TransactionId id;
        TransactionState state = TransactionState.CARD_PRESENT;
        volatile String abortCode;
        boolean ended;
        boolean settled;
        boolean cardInserted = true;
        boolean cardLeftAlarm;
        boolean voucherNotPrinted;
        JpkiCard card;
        X509Certificate cardCertificate;
        String cardCertificateSha256;
        int pinTriesLeft = -1;
        CenterSession session;
        String sessionName;
        List<OrderItem> order = List.of();
        Yen fee = Yen.ZERO;
        int copiesOrdered;
        PaymentSession payment;
        Yen inserted = Yen.ZERO;
        Issuance issuance;
        final Map<String, Integer> printedCopies = new LinkedHashMap<>();
        Yen printedFees = Yen.ZERO;
        int copiesPrinted;
        Yen changePaid = Yen.ZERO;
        Yen refundPaid = Yen.ZERO;
        Yen refundOwed = Yen.ZERO;
        String errorCode;
        String messageKey = "card.reading";
        long apduCount;

        Resident(TransactionId id) {
            this.id = id;
        }

        Yen inserted() {
            return payment == null ? inserted : payment.inserted();
        }

        EngineSnapshot snapshot() {
            long apdus = card != null ? card.apduCount() : apduCount;
            return new EngineSnapshot(
                    Optional.of(id.value()),
                    state,
                    Optional.empty(),
                    pinTriesLeft,
                    Optional.ofNullable(session != null ? session.municipalityName() : sessionName),
                    Optional.ofNullable(session != null && !ended ? session.menu() : null),
                    order,
                    fee,
                    inserted(),
                    copiesOrdered,
                    copiesPrinted,
                    changePaid,
                    refundPaid,
                    refundOwed,
                    Optional.ofNullable(errorCode),
                    voucherNotPrinted ? "refund.askClerk" : messageKey,
                    cardInserted,
                    cardLeftAlarm,
                    apdus);
        }
    }
}
