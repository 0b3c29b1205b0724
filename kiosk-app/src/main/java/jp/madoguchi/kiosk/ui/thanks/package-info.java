/** Thank you, with the receipt's figures. */
package jp.madoguchi.kiosk.ui.thanks;
