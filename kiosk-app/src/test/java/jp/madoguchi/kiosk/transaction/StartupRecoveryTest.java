package jp.madoguchi.kiosk.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StartupRecoveryTest {
    @TempDir
    Path dir;

    private final List<String> voided = new ArrayList<>();
    private final List<Yen> vouchers = new ArrayList<>();

    /** Journals a 2-copy 300-yen order that got as far as {@code state}, as the engine would. */
    private TransactionId transactionStoppedIn(Journal journal, TransactionState state) {
        TransactionId id = journal.begin();
        for (TransactionState step : TransactionState.values()) {
            if (step == TransactionState.IDLE || step == TransactionState.CARD_PRESENT) {
                continue;
            }
            if (step.ordinal() > state.ordinal()) {
                break;
            }
            journal.transition(id, step, null);
            switch (step) {
                case AUTHENTICATED -> journal.recordCenterSession(id, "131016", "S-" + id);
                case FEE_CONFIRMED -> {
                    journal.recordOrderedDocument(
                            id, new OrderedDocument("D-" + id, "RESIDENCE_RECORD", 2, Yen.of(300)));
                    journal.recordCash(id, CashEventKind.INSERTED, Yen.of(500)); // still paying
                }
                case PAID -> {
                    journal.recordCash(id, CashEventKind.INSERTED, Yen.of(100));
                    journal.recordIssuance(id, "I-" + id);
                }
                case PRINTING -> journal.recordCopyPrinted(
                        id, "D-" + id, 1, "131016", "RESIDENCE_RECORD", FeeSplit.of(Yen.of(300), Yen.of(115)));
                case PRINTED -> journal.recordCopyPrinted(
                        id, "D-" + id, 2, "131016", "RESIDENCE_RECORD", FeeSplit.of(Yen.of(300), Yen.of(115)));
                default -> {}
            }
        }
        return id;
    }

    @ParameterizedTest
    @EnumSource(
            value = TransactionState.class,
            names = {"IDLE", "DONE", "CANCELLED", "FAILED", "REFUND_DUE"},
            mode = EnumSource.Mode.EXCLUDE)
    void aTransactionCutOffInAnyStateEndsWithEveryYenAccountedForAndNothingReprinted(TransactionState state) {
        TransactionId id;
        try (Journal journal = Journal.open(dir.resolve("j.db"), "K0001", Clock.systemUTC())) {
            id = transactionStoppedIn(journal, state);
        }
        // The kiosk restarts.
        try (Journal journal = Journal.open(dir.resolve("j.db"), "K0001", Clock.systemUTC())) {
            StartupRecovery recovery = new StartupRecovery(
                    journal, (session, issuance, printed) -> voided.add(session), (tx, amount) -> vouchers.add(amount));
            List<RecoveryReport> reports = recovery.recover();

            assertThat(reports).hasSize(1);
            RecoveryReport report = reports.get(0);
            assertThat(report.endedIn().isFinal()).isTrue();
            assertThat(journal.balance(id).isSettled())
                    .as("money invariant after recovery from %s", state)
                    .isTrue();
            int printed = journal.printedCopies(id, "D-" + id);
            long inserted = journal.balance(id).inserted().amount();
            assertThat(report.refundVoucher().amount()).isEqualTo(inserted - 300L * printed);
            assertThat(vouchers).hasSize(report.refundVoucher().isZero() ? 0 : 1);
            if (EnumSet.of(TransactionState.CARD_PRESENT, TransactionState.PIN_VERIFIED)
                    .contains(state)) {
                assertThat(voided).as("no center session yet").isEmpty();
                assertThat(report.endedIn()).isEqualTo(TransactionState.CANCELLED);
            } else {
                assertThat(voided).containsExactly("S-" + id);
            }
            if (state == TransactionState.PRINTED || state == TransactionState.CARD_REMOVED) {
                assertThat(report.endedIn()).isEqualTo(TransactionState.DONE);
            }
            assertThat(recovery.recover())
                    .as("a second start finds nothing left")
                    .isEmpty();
        }
    }
}
