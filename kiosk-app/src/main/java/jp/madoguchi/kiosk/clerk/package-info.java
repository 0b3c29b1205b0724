/** Clerk mode: how a store clerk proves who they are. Clerk mode never shows a resident's data. */
package jp.madoguchi.kiosk.clerk;
