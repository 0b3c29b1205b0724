/**
 * In-process stand-ins for the kiosk's two printers, used by {@code ./kiosk demo}, the engine
 * tests and the bench until the printing simulators ({@code jp.madoguchi.sim.printer}) land: a
 * certificate printer with paper, jams and slow jobs that a test drives, and a receipt printer
 * that keeps what it printed in memory. Neither writes anything to disk.
 */
package jp.madoguchi.kiosk.printing;
