/** Options of the chosen certificate (residence records: whose entries and which items). */
package jp.madoguchi.kiosk.ui.options;
