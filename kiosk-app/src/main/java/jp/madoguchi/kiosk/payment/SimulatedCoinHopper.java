package jp.madoguchi.kiosk.payment;

import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.money.Yen;

/** A simulated hopper with a coin count that a test or the demo can set (e.g. empty). */
public final class SimulatedCoinHopper implements CoinHopper {
    private final Yen denomination;
    private int coins;
    private int jamAfter = -1;
    private boolean broken;

    public SimulatedCoinHopper(Yen denomination, int coins) {
        this.denomination = denomination;
        this.coins = coins;
    }

    @Override
    public Yen denomination() {
        return denomination;
    }

    @Override
    public synchronized int dispense(int wanted) {
        if (broken) {
            throw new KioskException(
                    KioskErrorCode.PAYMENT_DEVICE_FAULT, "simulated hopper " + denomination + " failed");
        }
        int out = Math.min(wanted, coins);
        if (jamAfter >= 0) {
            out = Math.min(out, jamAfter);
            jamAfter -= out;
        }
        coins -= out;
        return out;
    }

    /** Jams after {@code more} coins: it pays no further coin (as an empty hopper) until cleared with -1. */
    public synchronized void jamAfter(int more) {
        this.jamAfter = more;
    }

    /** Makes every later payout fail with a device error (a motor or sensor fault). */
    public synchronized void breakDown() {
        this.broken = true;
    }

    /** Coins left in the hopper. */
    public synchronized int coins() {
        return coins;
    }

    /** Refills (or empties, with 0) the hopper. */
    public synchronized void setCoins(int coins) {
        this.coins = coins;
    }
}
