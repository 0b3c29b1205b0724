package jp.madoguchi.kiosk.ui.options;

/**
 * One toggle of the options screen, in the resident's language.
 *
 * @param key what it sets: a scope name, {@code member:<ref>} or an option name
 * @param label what the resident reads
 * @param selected whether it is on
 */
public record Choice(String key, String label, boolean selected) {}
