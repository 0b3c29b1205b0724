package jp.madoguchi.kiosk.clerk.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of one clerk screen as read-only JavaFX properties (no nodes), tested without the FX
 * toolkit. Static labels are looked up by key and follow the language on {@link #show}.
 */
public abstract class ClerkScreenModel {
    private final Map<String, StringProperty> labels = new LinkedHashMap<>();
    private final StringProperty message = new SimpleStringProperty("");
    private ClerkText text = ClerkText.of("ja");
    private String messageKey;
    private Object[] messageArgs = new Object[0];

    /** A label's text, updated whenever the language changes. */
    public final ReadOnlyStringProperty label(String key) {
        return labels.computeIfAbsent(key, k -> new SimpleStringProperty(text.text(k)));
    }

    /** The screen's latest result or error message for the clerk. */
    public final ReadOnlyStringProperty message() {
        return message;
    }

    /** Shows the screen in {@code text}'s language. */
    public final void show(ClerkText text) {
        this.text = text;
        labels.forEach((key, property) -> property.set(text.text(key)));
        if (messageKey != null) {
            message.set(text.text(messageKey, messageArgs)); // the last result, in the new language
        }
        refresh(text);
    }

    /** The current language's text. */
    protected final ClerkText text() {
        return text;
    }

    /** Shows the message {@code key}; it follows later language changes. */
    protected final void say(String key, Object... args) {
        messageKey = key;
        messageArgs = args.clone();
        message.set(text.text(key, args));
    }

    /** Shows a message that has no translation (e.g. an error's own words). */
    protected final void sayPlain(String value) {
        messageKey = null;
        message.set(value);
    }

    /** True once any message was shown. */
    protected final boolean hasMessage() {
        return !message.get().isEmpty();
    }

    /** Refreshes the screen's data properties; called on {@link #show}. */
    protected abstract void refresh(ClerkText text);
}
