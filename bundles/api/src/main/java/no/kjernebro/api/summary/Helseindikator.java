package no.kjernebro.api.summary;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Helseindikator answer: whether the patient has a kjernejournal and whether critical
 * information is registered (status 4 drives the warning icon in the EPJ).
 *
 * @param status 0 invalid identity number, 1 no kjernejournal, 2 available, 3 own registrations, 4 critical information
 * @param returTekst the tooltip text kjernejournal suggests
 * @param eksistererBlokkertHelsepersonell the patient blocked at least one health worker; no clinical data is shared
 * @param harLasteResepter the patient has locked prescriptions
 * @param harLegemidler the patient has medication information
 * @param sistEndretKritiskInfo categories of critical information with their last change
 * @param sistEndretKritiskInfoDato last change of any critical information
 */
public record Helseindikator(
        int status,
        String returTekst,
        boolean eksistererBlokkertHelsepersonell,
        boolean harLasteResepter,
        boolean harLegemidler,
        List<KategoriEndret> sistEndretKritiskInfo,
        OffsetDateTime sistEndretKritiskInfoDato) {

    public Helseindikator {
        sistEndretKritiskInfo = sistEndretKritiskInfo == null ? List.of() : List.copyOf(sistEndretKritiskInfo);
    }

    /** True when kjernejournal has a record to fetch (status 2, 3 or 4). */
    public boolean harKjernejournal() {
        return status >= 2;
    }

    /** One category of critical information and when it last changed. */
    public record KategoriEndret(String kategori, OffsetDateTime sistEndret) {
    }
}
