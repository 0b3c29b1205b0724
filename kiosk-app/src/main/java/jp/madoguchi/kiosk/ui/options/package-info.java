/** Options of the chosen certificate (residence records: whose entries and which items; tax: the fiscal year). */
package jp.madoguchi.kiosk.ui.options;
