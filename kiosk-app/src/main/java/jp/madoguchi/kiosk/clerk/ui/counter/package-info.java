/** The counter staff's payment confirmation for 受付票. */
package jp.madoguchi.kiosk.clerk.ui.counter;
