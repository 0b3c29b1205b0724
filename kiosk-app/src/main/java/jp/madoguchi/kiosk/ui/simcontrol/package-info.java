/**
 * The simulator control window of {@code ./kiosk demo}: insert and take cards of the catalogue's
 * residents (edge cases included), insert coins and bills, jam the printer or empty its paper,
 * and see what the printers put out.
 */
package jp.madoguchi.kiosk.ui.simcontrol;
