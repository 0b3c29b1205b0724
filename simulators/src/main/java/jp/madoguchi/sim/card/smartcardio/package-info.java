/**
 * In-process adapter of the card simulator: {@link
 * jp.madoguchi.sim.card.smartcardio.SimulatedTerminals} makes card slots a {@code
 * javax.smartcardio} TerminalFactory, for unit tests and the embedded demo.
 */
package jp.madoguchi.sim.card.smartcardio;
