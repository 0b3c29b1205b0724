/**
 * The simulated My Number card: the engine ({@link jp.madoguchi.sim.card.SimulatedCard} holding a
 * jCardSim runtime with the applets of {@code sim.card.applet}, put into a {@link
 * jp.madoguchi.sim.card.CardSlot}), its personalisation ({@link jp.madoguchi.sim.card.CardIssuer})
 * and the scripting API tests drive. Two adapters make a slot visible to PC/SC clients with the
 * same behaviour: {@code sim.card.smartcardio} (an in-process {@code javax.smartcardio}
 * TerminalFactory) and {@code sim.card.vpcd} (a reader of pcscd through vsmartcard's vpcd).
 */
package jp.madoguchi.sim.card;
