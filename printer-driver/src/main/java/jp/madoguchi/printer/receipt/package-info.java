/**
 * Receipts, refund vouchers, counter tickets and clerk reports on an ESC/POS receipt printer (TCP
 * 9100, USB printer device, serial port) or through a JavaPOS vendor driver. See {@code docs/printing.md}.
 */
package jp.madoguchi.printer.receipt;
