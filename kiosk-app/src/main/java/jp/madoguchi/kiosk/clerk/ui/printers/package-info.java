/** Test prints, paper replenished and the paper-jam guide. */
package jp.madoguchi.kiosk.clerk.ui.printers;
