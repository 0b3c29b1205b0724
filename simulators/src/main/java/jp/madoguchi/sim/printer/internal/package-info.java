/** Machinery of the ESC/POS emulator: the command tokenizer and the receipt canvas. */
package jp.madoguchi.sim.printer.internal;
