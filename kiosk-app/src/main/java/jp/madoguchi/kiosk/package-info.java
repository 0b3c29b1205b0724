/** The kiosk application: composition root, transaction engine and the kiosk command line. */
package jp.madoguchi.kiosk;
