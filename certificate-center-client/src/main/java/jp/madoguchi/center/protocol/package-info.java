/** The kiosk-center wire protocol: DTOs shared by the client and the center simulator, the one source of truth. */
package jp.madoguchi.center.protocol;
