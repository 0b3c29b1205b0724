/** Number of copies. */
package jp.madoguchi.kiosk.ui.copies;
