package no.kjernebro.api.summary;

import java.time.LocalDate;

/**
 * One prescription or dispensing from Reseptformidleren.
 *
 * @param kategori medicine, nutrition product or consumable
 * @param status dispensed, valid but not dispensed, or withdrawn (seponert)
 * @param multidose part of the multidose "legemidler i bruk" list (LIB)
 */
public record Legemiddel(
        Kategori kategori,
        String name,
        String atcCode,
        String strength,
        String dosage,
        Status status,
        boolean multidose,
        LocalDate prescribed,
        LocalDate dispensed,
        String prescriber) {

    public enum Kategori { LEGEMIDDEL, NAERINGSMIDDEL, FORBRUKSMATERIELL }

    public enum Status { UTLEVERT, GYLDIG_IKKE_UTLEVERT, SEPONERT }
}
