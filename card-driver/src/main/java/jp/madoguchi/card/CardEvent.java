package jp.madoguchi.card;

import java.util.Objects;

/**
 * Something that happened at a reader, delivered by {@link CardReaders#watch}.
 *
 * @param type what happened
 * @param readerName the reader it happened at
 */
public record CardEvent(Type type, String readerName) {
    public CardEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(readerName, "readerName");
    }

    /** The kinds of reader events. */
    public enum Type {
        /** A reader appeared (also reported for every reader present when a watch starts). */
        READER_ADDED,
        /** A reader went away, or the PC/SC service stopped. */
        READER_LOST,
        /** A card was put into the reader (also reported for cards present when a watch starts). */
        CARD_INSERTED,
        /** The card was taken out of the reader (also reported before {@link #READER_LOST}). */
        CARD_REMOVED
    }
}
