/** Payment: inserted, remaining; cancel (in the frame) returns the money. */
package jp.madoguchi.kiosk.ui.payment;
