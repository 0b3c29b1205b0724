/** The standby screen: service hours, languages, what to bring, start. */
package jp.madoguchi.kiosk.ui.home;
