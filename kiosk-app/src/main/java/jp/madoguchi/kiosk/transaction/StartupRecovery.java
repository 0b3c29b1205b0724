package jp.madoguchi.kiosk.transaction;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.JournaledTransaction;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Brings every transaction that was open when the kiosk stopped (crash, power cut) to an end,
 * before the kiosk serves anyone. The resident has gone and the documents were only in memory,
 * so nothing is ever reprinted: copies the journal does not show as printed are voided at the
 * center and their money is owed on a refund voucher (返金票) the clerk hands out; copies shown
 * as printed stay earned. Each step is journaled, so a crash during recovery is recovered too.
 */
public final class StartupRecovery {
    /** Tells the center that an issuance ends here: every copy not reported printed is void. */
    @FunctionalInterface
    public interface CenterVoid {
        /**
         * Reports {@code printedDocumentIds} as printed (paper exists for them) and every other
         * document of the issuance as not printed, then closes the session. {@code issuanceId} is
         * null when the kiosk stopped before it learnt it (closing the session voids everything).
         * Returns true if the center confirmed; false if it is unreachable.
         */
        boolean voidUnprinted(String centerSessionId, String issuanceId, java.util.List<String> printedDocumentIds);
    }

    /** Prints a refund voucher (返金票) for money owed; the resident or a clerk claims it later. */
    @FunctionalInterface
    public interface VoucherPrinter {
        void printRefundVoucher(jp.madoguchi.kiosk.journal.TransactionId id, Yen amount);
    }

    private final Journal journal;
    private final CenterVoid center;
    private final VoucherPrinter vouchers;

    public StartupRecovery(Journal journal, CenterVoid center, VoucherPrinter vouchers) {
        this.journal = journal;
        this.center = center;
        this.vouchers = vouchers;
    }

    /** Ends every open transaction; returns what was done with each, oldest first. */
    public List<RecoveryReport> recover() {
        List<RecoveryReport> reports = new ArrayList<>();
        for (JournaledTransaction open : journal.unfinished()) {
            reports.add(recover(open));
        }
        return reports;
    }

    private RecoveryReport recover(JournaledTransaction open) {
        var id = open.id();
        TransactionState found = open.state();
        boolean voided = false;
        if (open.centerSessionId().isPresent()) {
            List<String> printedDocuments = journal.orderedDocuments(id).stream()
                    .map(d -> d.documentId())
                    .filter(doc -> journal.printedCopies(id, doc) > 0)
                    .toList();
            voided = center.voidUnprinted(
                    open.centerSessionId().get(), open.issuanceId().orElse(null), printedDocuments);
        }
        MoneyBalance balance = journal.balance(id);
        Yen owed = Yen.of(Math.max(0, balance.held()));
        if (!owed.isZero()) {
            // Journal the debt before printing the voucher: a crash in between prints it again
            // at most once more, and the journal never loses the debt.
            journal.transition(id, TransactionState.REFUND_DUE, "RECOVERY");
            journal.recordCash(id, CashEventKind.REFUND_VOUCHER, owed);
            vouchers.printRefundVoucher(id, owed);
        }
        int printed = journal.orderedDocuments(id).stream()
                .mapToInt(d -> journal.printedCopies(id, d.documentId()))
                .sum();
        TransactionState end = printed > 0 || found.ordinal() >= TransactionState.DOCUMENTS_RECEIVED.ordinal()
                ? TransactionState.FAILED
                : TransactionState.CANCELLED;
        if (found == TransactionState.PRINTED || found == TransactionState.CARD_REMOVED) {
            end = TransactionState.DONE; // everything printed; only the card-removal step was lost
        }
        journal.transition(
                id, end, voided || open.centerSessionId().isEmpty() ? "RECOVERED" : "RECOVERED_CENTER_PENDING");
        journal.markRecovered(id);
        return new RecoveryReport(id, found, end, owed, voided);
    }
}
