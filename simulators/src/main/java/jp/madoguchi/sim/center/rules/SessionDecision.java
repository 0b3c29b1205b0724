package jp.madoguchi.sim.center.rules;

import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.sim.center.registry.MunicipalityService;

/** The rules' answer for a resident now: the home municipality and the menu (a refusal is thrown). */
public record SessionDecision(MunicipalityService home, Menu menu) {}
