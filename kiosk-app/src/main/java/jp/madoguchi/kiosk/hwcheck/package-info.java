/**
 * The technician's hardware smoke test ({@code kiosk hw-check}): one {@link
 * jp.madoguchi.kiosk.hwcheck.HardwareCheck} per device the configuration names — card reader over
 * PC/SC, certificate printer over IPP, receipt printer over ESC/POS, GPIO lines, the center over
 * TLS — each run with a time limit, reported as one table row. Checks only look: they print
 * nothing, drive no output line and send no PIN.
 */
package jp.madoguchi.kiosk.hwcheck;
