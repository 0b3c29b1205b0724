package jp.madoguchi.sim.resident;

import java.util.Optional;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.CardholderLookup;
import jp.madoguchi.sim.card.Sex;

/**
 * The cardholders of the synthetic residents, so that a simulated card and the center simulator
 * agree on who the resident is (the card-info AP shows the catalogue's name, address, birth date,
 * sex and My Number).
 */
public final class CatalogueCardholders implements CardholderLookup {
    private final ResidentCatalogue catalogue;

    public CatalogueCardholders(ResidentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Cardholder> find(String residentId) {
        return catalogue.find(residentId).map(CatalogueCardholders::cardholderOf);
    }

    /** The cardholder of one catalogue resident. */
    public static Cardholder cardholderOf(Resident resident) {
        return new Cardholder(
                resident.residentId(),
                resident.name(),
                resident.address(),
                resident.birthDate(),
                Sex.ofCode(resident.sex().isEmpty() ? '9' : resident.sex().charAt(0)),
                resident.myNumber());
    }
}
