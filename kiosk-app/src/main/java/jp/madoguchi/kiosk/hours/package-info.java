/** When the kiosk issues certificates: daily hours, the year-end stop and kiosk-wide maintenance windows. */
package jp.madoguchi.kiosk.hours;
