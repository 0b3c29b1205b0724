/** The log export to a USB stick. */
package jp.madoguchi.kiosk.clerk.ui.export;
