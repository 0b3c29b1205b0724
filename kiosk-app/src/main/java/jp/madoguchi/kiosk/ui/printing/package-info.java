/** Printing progress, copy by copy. */
package jp.madoguchi.kiosk.ui.printing;
