/**
 * Certificate printing over IPP (IPP Everywhere printers): printer status, Print-Job of the sealed
 * PDF, job monitoring, cancellation on timeout or fault. See {@code docs/printing.md}.
 */
package jp.madoguchi.printer.ipp;
