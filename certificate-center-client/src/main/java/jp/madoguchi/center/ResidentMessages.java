package jp.madoguchi.center;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.madoguchi.center.protocol.ErrorCode;

/**
 * Resident-facing texts of the center's error codes, from the resource bundle {@code
 * jp.madoguchi.center.messages} (Japanese is the base bundle, English in {@code _en}). Each text
 * says what the resident can do next.
 */
public final class ResidentMessages {
    private static final String BUNDLE = "jp.madoguchi.center.messages";
    private final ResourceBundle bundle;

    private ResidentMessages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The messages in {@code locale}; falls back to Japanese, never to the JVM default locale. */
    public static ResidentMessages forLocale(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ResidentMessages(bundle);
    }

    /** The text for {@code code}; fails loudly if the bundle lacks it (a packaging error). */
    public String text(ErrorCode code) {
        try {
            return bundle.getString(code.messageKey());
        } catch (MissingResourceException e) {
            throw new IllegalStateException(
                    "resident message " + code.messageKey() + " is missing from " + BUNDLE + " (" + bundle.getLocale()
                            + "): add it to messages*.properties",
                    e);
        }
    }
}
