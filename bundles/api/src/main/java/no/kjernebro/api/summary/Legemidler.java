package no.kjernebro.api.summary;

import java.util.List;

/**
 * The medication section.
 *
 * @param lasteResepterSkjult true when the patient locked prescriptions and they are not shown
 */
public record Legemidler(List<Legemiddel> items, boolean lasteResepterSkjult) {
    public Legemidler {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Medicines only, without nutrition products and consumables. */
    public List<Legemiddel> ofKategori(Legemiddel.Kategori kategori) {
        return items.stream().filter(l -> l.kategori() == kategori).toList();
    }
}
