package jp.madoguchi.kiosk.clerk.ui;

/**
 * One line of a clerk table: a label, a value and a status style ({@code ok}, {@code warning},
 * {@code fault} or {@code plain}).
 */
public record InfoRow(String label, String value, String status) {
    public static InfoRow plain(String label, String value) {
        return new InfoRow(label, value, "plain");
    }
}
