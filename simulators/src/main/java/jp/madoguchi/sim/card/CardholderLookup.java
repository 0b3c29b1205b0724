package jp.madoguchi.sim.card;

import java.util.Optional;

/**
 * Finds the cardholder of a synthetic resident id. The resident catalogue of the center simulator
 * implements this so that a card and the center agree on who the resident is.
 */
@FunctionalInterface
public interface CardholderLookup {
    /** The cardholder with this resident id, or empty if there is none. */
    Optional<Cardholder> find(String residentId);

    /** A lookup that knows nobody: callers fall back to {@link Cardholder#placeholder}. */
    static CardholderLookup none() {
        return residentId -> Optional.empty();
    }
}
