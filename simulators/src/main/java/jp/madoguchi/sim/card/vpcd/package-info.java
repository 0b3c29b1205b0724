/**
 * vpcd adapter of the card simulator: {@link jp.madoguchi.sim.card.vpcd.VpcdClient} connects a
 * card slot to pcscd's virtual reader driver (vsmartcard vpcd), so the simulated card appears as a
 * card in a PC/SC reader to every PC/SC client on the machine.
 */
package jp.madoguchi.sim.card.vpcd;
