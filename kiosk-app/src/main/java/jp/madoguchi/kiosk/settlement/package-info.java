/**
 * Settlement from the fee ledger: the daily close (日計) with its printed report, and the
 * per-municipality monthly statement (the shape of a 証明書コンビニ交付手数料請求内訳書) as figures,
 * CSV and PDF.
 */
package jp.madoguchi.kiosk.settlement;
