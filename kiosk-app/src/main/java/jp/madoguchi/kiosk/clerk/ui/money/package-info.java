/** The coin box collection, the daily close (日計) and the monthly statements. */
package jp.madoguchi.kiosk.clerk.ui.money;
