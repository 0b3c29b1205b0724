/**
 * The synthetic resident catalogue shared by the card and center simulators: residents and
 * households with realistic Japanese names and addresses, foreign residents with 在留 data, and
 * one resident per edge case of the issuance rules. Deterministic from a seed; no real person.
 */
package jp.madoguchi.sim.resident;
