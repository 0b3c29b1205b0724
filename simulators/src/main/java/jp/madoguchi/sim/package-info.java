/** Simulators of the card, the issuance center, the printers and the payment devices. */
package jp.madoguchi.sim;
