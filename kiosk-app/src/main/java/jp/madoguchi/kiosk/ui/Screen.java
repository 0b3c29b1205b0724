package jp.madoguchi.kiosk.ui;

import java.util.Objects;

/** One screen: its model and its view. */
public record Screen(ScreenId id, ScreenModel model, ScreenView view) {
    public Screen {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(view, "view");
    }

    /** Builds one screen from the shared context. */
    @FunctionalInterface
    public interface Factory {
        Screen create(ScreenContext context);
    }
}
