/**
 * The kiosk's one configuration file (YAML): which devices are real and which simulated, the
 * kiosk id, the center and its trust material, hours, the ledger and the screen. Loaded with
 * clear errors that name the key and what was expected; {@code ./kiosk demo} uses the embedded
 * defaults (everything simulated).
 */
package jp.madoguchi.kiosk.config;
