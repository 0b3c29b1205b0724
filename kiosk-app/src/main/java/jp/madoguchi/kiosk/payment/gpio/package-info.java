/**
 * Payment hardware on a Raspberry Pi's GPIO through Pi4J: a pulse coin acceptor (one pulse per
 * 10 yen by default, an inhibit line) and coin hoppers (a motor line and a coin-out sensor).
 * Tests and the demo use Pi4J's mock provider: the same code, another provider.
 */
package jp.madoguchi.kiosk.payment.gpio;
