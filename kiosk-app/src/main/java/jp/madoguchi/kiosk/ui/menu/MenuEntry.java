package jp.madoguchi.kiosk.ui.menu;

import jp.madoguchi.center.protocol.CertificateType;

/**
 * One tile of the certificate menu, already in the resident's language.
 *
 * @param type the certificate type
 * @param title its name
 * @param detail the fee per copy when available, else why it is not
 * @param available whether the resident may order it now
 */
public record MenuEntry(CertificateType type, String title, String detail, boolean available) {}
