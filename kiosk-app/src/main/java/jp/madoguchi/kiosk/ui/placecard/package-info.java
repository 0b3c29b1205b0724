/** "Place your card on the reader." */
package jp.madoguchi.kiosk.ui.placecard;
