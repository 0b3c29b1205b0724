package jp.madoguchi.kiosk.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Every word the resident reads, in one language: the screens' bundle {@code
 * jp.madoguchi.kiosk.ui.messages} first, then the center client's error messages ({@code
 * jp.madoguchi.center.messages}). No screen text lives in code. A missing key fails loudly
 * ({@link MissingResourceException}); a test checks that every language has every key.
 *
 * <p>Bundles never fall back to the JVM's default locale: an English machine must not turn the
 * Japanese screens English.
 */
public final class UiText {
    /** The screens' bundle. */
    public static final String BUNDLE = "jp.madoguchi.kiosk.ui.messages";
    /** The center client's resident-facing error messages. */
    public static final String CENTER_BUNDLE = "jp.madoguchi.center.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle screens;
    private final ResourceBundle center;

    private UiText(Locale locale) {
        this.locale = locale;
        this.screens = ResourceBundle.getBundle(BUNDLE, locale, UiText.class.getClassLoader(), NO_FALLBACK);
        this.center = ResourceBundle.getBundle(CENTER_BUNDLE, locale, UiText.class.getClassLoader(), NO_FALLBACK);
    }

    /** The text of {@code language} (an ISO 639 code such as {@code ja} or {@code en}). */
    public static UiText of(String language) {
        return new UiText(Locale.forLanguageTag(Objects.requireNonNull(language, "language")));
    }

    public Locale locale() {
        return locale;
    }

    /** The language code, e.g. {@code ja}. */
    public String language() {
        return locale.getLanguage();
    }

    /** The text of {@code key} with {@code args} filled in ({@link MessageFormat} patterns). */
    public String text(String key, Object... args) {
        String pattern = lookup(key);
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The text of {@code key} if the bundles have it, else the text of {@code fallbackKey}. */
    public String textOr(String key, String fallbackKey, Object... args) {
        return has(key) ? text(key, args) : text(fallbackKey, args);
    }

    /** True if either bundle has {@code key}. */
    public boolean has(String key) {
        return screens.containsKey(key) || center.containsKey(key);
    }

    /** An amount of yen as the resident reads it ("1,200円" / "¥1,200"). */
    public String yen(Yen amount) {
        return text("money.yen", amount.amount());
    }

    /** The screens' keys (for the completeness test). */
    public Set<String> screenKeys() {
        return new TreeSet<>(screens.keySet());
    }

    private String lookup(String key) {
        if (screens.containsKey(key)) {
            return screens.getString(key);
        }
        if (center.containsKey(key)) {
            return center.getString(key);
        }
        throw new MissingResourceException(
                "no text for '" + key + "' in " + BUNDLE + " (" + locale + "): add it to every messages_*.properties",
                BUNDLE,
                key);
    }

    /** The languages that ship complete bundles, in the order the language bar shows them. */
    public static List<String> shippedLanguages() {
        return List.of("ja", "en", "zh", "ko", "pt", "vi");
    }
}
