/** Take your paper and your card; the card-left alarm. */
package jp.madoguchi.kiosk.ui.takeout;
