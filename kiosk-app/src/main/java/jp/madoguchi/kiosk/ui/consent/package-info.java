/** Notes before using the kiosk, and the resident's consent. */
package jp.madoguchi.kiosk.ui.consent;
