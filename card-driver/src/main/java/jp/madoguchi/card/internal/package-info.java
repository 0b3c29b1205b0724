/**
 * The card driver's machinery: APDU and TLV codecs, the JPKI session logic over an {@link
 * jp.madoguchi.card.internal.ApduChannel}, the javax.smartcardio adapter with its time limits, and
 * the reader watch. Not API: use {@link jp.madoguchi.card.CardReaders}.
 */
package jp.madoguchi.card.internal;
