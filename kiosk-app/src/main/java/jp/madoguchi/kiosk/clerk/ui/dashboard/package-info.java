/** The device screen: health of each device, software version, configuration. */
package jp.madoguchi.kiosk.clerk.ui.dashboard;
