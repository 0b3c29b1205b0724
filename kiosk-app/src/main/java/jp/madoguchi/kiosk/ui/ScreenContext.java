package jp.madoguchi.kiosk.ui;

import java.util.Objects;

/**
 * What every screen may use: where the resident is ({@link Journey}), what it may ask of the
 * engine ({@link ResidentIntents}) and the screen's settings. Passed in, never looked up.
 */
public record ScreenContext(Journey journey, ResidentIntents intents, UiSettings settings) {
    public ScreenContext {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(intents, "intents");
        Objects.requireNonNull(settings, "settings");
    }
}
