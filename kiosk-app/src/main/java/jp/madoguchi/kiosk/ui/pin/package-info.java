/**
 * The PIN pad: masked, exactly four digits, clear and back, a warning before the last try; a
 * locked card is shown by the ending screen (what to do at the municipal office).
 */
package jp.madoguchi.kiosk.ui.pin;
