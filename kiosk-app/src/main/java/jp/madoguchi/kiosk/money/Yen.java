package jp.madoguchi.kiosk.money;

/** An amount of money in whole yen (never negative). */
public record Yen(long amount) implements Comparable<Yen> {
    public static final Yen ZERO = new Yen(0);

    public Yen {
        if (amount < 0) {
            throw new IllegalArgumentException("a yen amount cannot be negative: " + amount);
        }
    }

    public static Yen of(long amount) {
        return new Yen(amount);
    }

    public Yen plus(Yen other) {
        return new Yen(Math.addExact(amount, other.amount));
    }

    /** This minus {@code other}; fails if the result would be negative. */
    public Yen minus(Yen other) {
        return new Yen(amount - other.amount);
    }

    public Yen times(int count) {
        return new Yen(Math.multiplyExact(amount, count));
    }

    public boolean isZero() {
        return amount == 0;
    }

    public boolean covers(Yen other) {
        return amount >= other.amount;
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return amount + "円";
    }
}
