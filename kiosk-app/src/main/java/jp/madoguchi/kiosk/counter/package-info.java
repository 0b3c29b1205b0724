/**
 * The municipal counter deployment (窓口): {@link jp.madoguchi.kiosk.counter.CounterLane} prints a
 * 受付票 at the resident's terminal and holds that one ticket open while its transaction waits;
 * {@link jp.madoguchi.kiosk.counter.CounterWindow} is the staff side that confirms the payment by
 * scanned QR text or typed ticket number, which releases printing on the back-office printer.
 */
package jp.madoguchi.kiosk.counter;
