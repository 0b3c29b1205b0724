/** The clerk PIN pad, with the lockout shown. */
package jp.madoguchi.kiosk.clerk.ui.login;
