/**
 * A scripted resident at a simulated kiosk: what {@code ./kiosk demo} and {@code ./kiosk bench}
 * use to walk the engine from card to paper without a screen.
 */
package jp.madoguchi.kiosk.demo;
