/** Confirmation of the order with the fee breakdown. */
package jp.madoguchi.kiosk.ui.confirm;
