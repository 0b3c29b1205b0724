/**
 * The ESC/POS receipt-printer emulator: {@link jp.madoguchi.sim.printer.EscPosPrinterEmulator}
 * prints what a kiosk sends over TCP or a device stream to images and text, answers status
 * requests and can run out of paper or open its cover. {@code ./kiosk sim printer} runs it alone.
 */
package jp.madoguchi.sim.printer;
