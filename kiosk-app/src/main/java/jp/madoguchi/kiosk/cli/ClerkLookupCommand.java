package jp.madoguchi.kiosk.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.clerk.ClerkEvent;
import jp.madoguchi.kiosk.clerk.StateChange;
import jp.madoguchi.kiosk.clerk.TransactionDetails;
import jp.madoguchi.kiosk.clerk.TransactionLookup;
import jp.madoguchi.kiosk.clerk.TransactionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiosk clerk lookup CODE}: one transaction from its receipt number or QR text. */
@Command(
        name = "lookup",
        mixinStandardHelpOptions = true,
        description = "Shows a transaction from the number on its receipt or the QR text of a 返金票 or 受付票.")
public final class ClerkLookupCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Parameters(paramLabel = "CODE", description = "e.g. K0001-20261123-0007, or MGREFUND:... / MGTICKET:...")
    String code;

    @Override
    public Integer call() {
        try (ClerkJournalOptions.Opened o = where.open(Clock.systemUTC())) {
            Optional<TransactionDetails> found = new TransactionLookup(o.records()).find(code);
            if (found.isEmpty()) {
                spec.commandLine()
                        .getOut()
                        .println("not in this kiosk's journal: " + TransactionLookup.transactionOf(code));
                return 3;
            }
            TransactionDetails d = found.get();
            TransactionSummary s = d.summary();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s %s municipality=%s started=%s%n  copies %d/%d, fees %d, inserted %d, change %d, refunds %d,"
                                    + " vouchers %d, last code %s%n  manually refunded %d, refundable %d, voucher outstanding %d%n",
                            s.id(),
                            s.state(),
                            s.municipalityCode().map(Object::toString).orElse("-"),
                            s.startedAt(),
                            s.copiesPrinted(),
                            s.copiesOrdered(),
                            s.printedFees().amount(),
                            s.inserted().amount(),
                            s.changePaid().amount(),
                            s.refundsPaid().amount(),
                            s.vouchersOwed().amount(),
                            s.lastCode().map(Object::toString).orElse("-"),
                            d.manuallyRefunded().amount(),
                            d.refundable().amount(),
                            d.voucherOutstanding().amount());
            for (StateChange c : d.history()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "  %s %s%s%n",
                                c.at(), c.state(), c.code().map(x -> " " + x).orElse(""));
            }
            for (ClerkEvent e : d.clerkEvents()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "  clerk %s %s %d yen %s%n",
                                e.at(),
                                e.kind(),
                                e.amount().amount(),
                                e.code().map(Object::toString).orElse(""));
            }
        }
        return 0;
    }
}
