/** Money at the kiosk: yen amounts, per-copy fees and how each fee splits between the municipality and the operator. */
package jp.madoguchi.kiosk.money;
