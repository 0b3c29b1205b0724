package jp.madoguchi.card;

/** A running watch over the readers; {@link #close()} stops it within a bounded time. */
public interface CardWatch extends AutoCloseable {
    /** Stops the watch; no event is delivered after this returns. Idempotent. */
    @Override
    void close();
}
