package jp.madoguchi.card;

/**
 * A card reader as seen at one moment.
 *
 * @param name the PC/SC reader name, e.g. {@code "Virtual PCD 00 00"}
 * @param cardPresent whether a card was in the reader when the list was taken
 */
public record CardReader(String name, boolean cardPresent) {}
