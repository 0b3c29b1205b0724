/** Error and cancellation endings: what happened, what to do, what happens to the money. */
package jp.madoguchi.kiosk.ui.ended;
