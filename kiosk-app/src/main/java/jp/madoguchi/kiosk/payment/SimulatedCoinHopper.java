package jp.madoguchi.kiosk.payment;

import jp.madoguchi.kiosk.money.Yen;

/** A simulated hopper with a coin count that a test or the demo can set (e.g. empty). */
public final class SimulatedCoinHopper implements CoinHopper {
    private final Yen denomination;
    private int coins;

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
        int out = Math.min(wanted, coins);
        coins -= out;
        return out;
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
