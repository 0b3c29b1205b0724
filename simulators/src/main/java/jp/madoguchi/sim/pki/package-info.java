/**
 * The simulators' public-key infrastructure, shared by the card and center simulators through one
 * data directory: {@code <data>/pki/}. Holds the simulated JPKI certificate authorities (user
 * authentication and signing), and issues card certificates deterministically from a resident's
 * seed so that tests repeat. Keys are generated on first start and reused afterwards.
 */
package jp.madoguchi.sim.pki;
