/** The issuance transaction: its states and (later) the engine that drives card, center, payment and printer through them. */
package jp.madoguchi.kiosk.transaction;
