/** A short wait while the card is read or the PIN and card are checked. */
package jp.madoguchi.kiosk.ui.working;
