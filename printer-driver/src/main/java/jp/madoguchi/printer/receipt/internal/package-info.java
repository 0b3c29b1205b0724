/** Receipt layout and ESC/POS encoding. */
package jp.madoguchi.printer.receipt.internal;
