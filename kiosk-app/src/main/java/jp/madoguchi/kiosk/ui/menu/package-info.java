/** The certificate menu: only what this resident may order; the rest with the reason. */
package jp.madoguchi.kiosk.ui.menu;
