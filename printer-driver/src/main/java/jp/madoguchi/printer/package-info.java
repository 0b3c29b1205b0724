/** Certificate printing over IPP, anti-forgery overlay and seal, ESC/POS receipts and printer status. */
package jp.madoguchi.printer;
