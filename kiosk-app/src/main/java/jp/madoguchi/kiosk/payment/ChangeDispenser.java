package jp.madoguchi.kiosk.payment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.madoguchi.kiosk.money.Yen;

/** Pays an amount from several hoppers, largest coins first, and says how much came out. */
public final class ChangeDispenser {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChangeDispenser.class);

    private final List<CoinHopper> hoppers;

    public ChangeDispenser(List<CoinHopper> hoppers) {
        List<CoinHopper> sorted = new ArrayList<>(hoppers);
        sorted.sort(Comparator.comparing(CoinHopper::denomination).reversed());
        this.hoppers = List.copyOf(sorted);
    }

    /**
     * Pays out as much of {@code amount} as the hoppers can; the rest (returned amount less than
     * asked) is owed to the resident.
     */
    public Yen payOut(Yen amount) {
        long remaining = amount.amount();
        long paid = 0;
        for (CoinHopper hopper : hoppers) {
            long value = hopper.denomination().amount();
            int wanted = (int) (remaining / value);
            if (wanted == 0) {
                continue;
            }
            int dispensed;
            try {
                dispensed = Math.max(0, Math.min(wanted, hopper.dispense(wanted)));
            } catch (RuntimeException e) {
                // A failed hopper counts as paying nothing: the rest goes on the refund voucher, so a
                // device fault can never make money vanish from the ledger.
                LOG.warn("hopper {} failed while paying out: {}", hopper.denomination(), e.toString());
                dispensed = 0;
            }
            paid += dispensed * value;
            remaining -= dispensed * value;
        }
        return Yen.of(paid);
    }
}
