/**
 * Payment devices: coin and bill acceptors (simulated, or a pulse coin acceptor on GPIO), change
 * hoppers, and the payment session that collects a fee and pays change. The money invariant is
 * kept by the caller journaling every movement these devices report.
 */
package jp.madoguchi.kiosk.payment;
