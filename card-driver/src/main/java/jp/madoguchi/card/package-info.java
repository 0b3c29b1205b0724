/** My Number card driver: readers, card sessions and the JPKI AP over javax.smartcardio. Codecs live in {@code internal}. */
package jp.madoguchi.card;
