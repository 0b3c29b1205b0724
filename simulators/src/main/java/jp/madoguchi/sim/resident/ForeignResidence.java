package jp.madoguchi.sim.resident;

import java.time.LocalDate;

/** 在留 data of a foreign resident: nationality or region, residence card number, status, period. */
public record ForeignResidence(
        String nationality, String residenceCardNumber, String residenceStatus, LocalDate periodEnd) {}
