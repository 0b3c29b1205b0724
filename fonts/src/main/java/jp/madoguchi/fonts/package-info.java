/**
 * The Japanese typeface shipped with the program. A fresh machine has no Japanese font and
 * PDFBox cannot embed CFF-based Noto CJK, so screens, certificates and receipts all load BIZ
 * UDGothic (TrueType, SIL OFL 1.1) from this module explicitly.
 */
package jp.madoguchi.fonts;
