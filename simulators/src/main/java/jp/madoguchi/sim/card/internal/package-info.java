/** Machinery of the card simulator: runtime, personalisation, card layout and APDU shape. */
package jp.madoguchi.sim.card.internal;
