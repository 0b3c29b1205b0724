package jp.madoguchi.kiosk.clerk.ui;

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
 * Every word of the clerk screens in one language, from the bundle {@code
 * jp.madoguchi.kiosk.clerk.ui.messages} (Japanese is the base file, English {@code _en}). A missing
 * key fails loudly; bundles never fall back to the JVM's locale.
 */
public final class ClerkText {
    /** The clerk screens' bundle. */
    public static final String BUNDLE = "jp.madoguchi.kiosk.clerk.ui.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private ClerkText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ClerkText.class.getClassLoader(), NO_FALLBACK);
    }

    /** The clerk text in {@code language} ({@code ja} or {@code en}). */
    public static ClerkText of(String language) {
        return new ClerkText(Locale.forLanguageTag(Objects.requireNonNull(language, "language")));
    }

    /** The languages with a complete bundle; Japanese first. */
    public static List<String> languages() {
        return List.of("ja", "en");
    }

    public String language() {
        return locale.getLanguage().isEmpty() ? "ja" : locale.getLanguage();
    }

    /** The text of {@code key} with {@code args} filled in ({@link MessageFormat} patterns). */
    public String text(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            throw new MissingResourceException(
                    "no clerk text for '" + key + "' (" + locale + "): add it to every clerk/ui/messages*.properties",
                    BUNDLE,
                    key);
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The text of {@code key} if there is one, else {@code fallback}. */
    public String textOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** Yen as the clerk reads it: 1,650円 / ¥1,650. */
    public String yen(Yen amount) {
        return text("money.yen", amount.amount());
    }

    /** Yen with a sign (for differences). */
    public String signedYen(long amount) {
        return (amount > 0 ? "+" : amount < 0 ? "−" : "") + text("money.yen", Math.abs(amount));
    }

    /** All keys (for the completeness test). */
    public Set<String> keys() {
        return new TreeSet<>(bundle.keySet());
    }
}
