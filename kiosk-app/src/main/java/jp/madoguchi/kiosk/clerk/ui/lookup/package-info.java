/** Transaction look-up by receipt number or QR text, and the audited manual refund. */
package jp.madoguchi.kiosk.clerk.ui.lookup;
