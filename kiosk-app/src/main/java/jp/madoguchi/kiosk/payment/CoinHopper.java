package jp.madoguchi.kiosk.payment;

import jp.madoguchi.kiosk.money.Yen;

/** A hopper that pays out coins of one denomination. */
public interface CoinHopper {
    Yen denomination();

    /**
     * Pays out up to {@code coins} coins and returns how many actually came out; fewer means the
     * hopper ran empty or jammed, which the caller turns into a refund voucher.
     */
    int dispense(int coins);
}
