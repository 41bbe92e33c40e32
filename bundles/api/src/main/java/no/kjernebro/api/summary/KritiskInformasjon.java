package no.kjernebro.api.summary;

import java.time.LocalDate;

/**
 * One entry of critical information.
 *
 * @param kategori what kind of entry
 * @param registeredBy name and HPR number of the recorder
 */
public record KritiskInformasjon(
        Kategori kategori,
        String code,
        String description,
        String severity,
        LocalDate registered,
        String registeredBy) {

    public enum Kategori {
        ALLERGI,
        KOMPLIKASJON_ANESTESI,
        KRITISK_TILSTAND,
        BEHANDLING_IMPLANTAT,
        ENDRET_BEHANDLINGSRUTINE,
        SMITTE
    }
}
