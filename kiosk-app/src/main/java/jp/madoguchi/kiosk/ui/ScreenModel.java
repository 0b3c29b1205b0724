package jp.madoguchi.kiosk.ui;

/**
 * The state of one screen as read-only JavaFX properties (no nodes), refreshed from the {@link
 * Journey} in the resident's language. Tested without the FX toolkit: properties and observable
 * lists of {@code javafx.base} work on any thread.
 */
public interface ScreenModel {
    /** Refreshes every property from the journey, in {@code text}'s language. */
    void show(UiText text);
}
