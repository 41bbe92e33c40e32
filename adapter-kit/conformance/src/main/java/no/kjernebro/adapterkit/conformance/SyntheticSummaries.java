package no.kjernebro.adapterkit.conformance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;

/**
 * A kjernejournal with every section filled, for any synthetic identity number. The texts are plain
 * ASCII and unlike anything else in a request, so a test can find each section's data in an answer
 * whatever the dialect's escaping.
 */
public final class SyntheticSummaries {

    public static final String GIVEN_NAME = "Ragnhild";
    public static final String FAMILY_NAME = "Konformsen";
    public static final String FASTLEGE = "Lise Kitlege";
    public static final String PAARORENDE = "Ola Konformsen";
    public static final String LEGEMIDDEL = "Marevan";
    public static final String KRITISK = "Penicillin: anafylaksi";
    public static final String VAKSINE = "Influensavaksine";
    public static final String BESOK = "Universitetssykehuset Nord-Norge";
    public static final String EGENREGISTRERING = "Horer darlig: snakk tydelig";

    /**
     * Raw upstream content kept in a {@link Merknad#innhold()}: it may hold clinical data of sections the
     * policy did not grant, so no answer may ever show it.
     */
    public static final String MERKNAD_INNHOLD = "KIT-RAW-UPSTREAM-CONTENT-3e9b";

    private SyntheticSummaries() {
    }

    /** Every section, status 4 (critical information registered). */
    public static PatientSummary full(String patientId) {
        OffsetDateTime changed = OffsetDateTime.parse("2025-03-02T10:15:00+01:00");
        return new PatientSummary(patientId,
                new Helseindikator(4, "Pasienten har kritisk informasjon", false, false, true,
                        List.of(new Helseindikator.KategoriEndret("ALLERGI", changed)), changed),
                EnumSet.allOf(Section.class),
                new Personalia(GIVEN_NAME, FAMILY_NAME, LocalDate.of(1928, 10, 5), "female", "Elvebakken 12", "9510",
                        "ALTA", "enke"),
                new Fastlege(FASTLEGE, "9100001", "Alta Kitlegesenter", "990560110", "78 40 00 00"),
                List.of(new Paarorende(PAARORENDE, "sonn", "900 00 001", false)),
                new Legemidler(List.of(
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, LEGEMIDDEL, "B01AA03", "2,5 mg", "etter INR-skjema",
                                Legemiddel.Status.UTLEVERT, true, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12),
                                FASTLEGE),
                        new Legemiddel(Legemiddel.Kategori.NAERINGSMIDDEL, "Nutridrink Compact", null, null,
                                "1 flaske daglig", Legemiddel.Status.UTLEVERT, false, LocalDate.of(2025, 1, 15),
                                LocalDate.of(2025, 1, 16), FASTLEGE)), false),
                List.of(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, "J01CE", KRITISK, "hoy",
                        LocalDate.of(2019, 4, 2), FASTLEGE + " (9100001)")),
                List.of(new Vaksine(VAKSINE, "J07BB02", LocalDate.of(2024, 10, 15), Demo.HPR_NAME)),
                List.of(new Besok(BESOK, "Ortopedisk avdeling", "innleggelse", LocalDate.of(2024, 2, 10),
                        LocalDate.of(2024, 2, 18))),
                new EgneRegistreringer(List.of(EGENREGISTRERING), List.of("Diabetes type 2"), null));
    }

    /**
     * The full summary plus what kjernejournal sent that could not be mapped: a module the patient
     * restricted (critical information), an unknown code in the medication list and a resource of an
     * unknown type (no section). Not {@link PatientSummary#fullstendig() complete}.
     */
    public static PatientSummary incomplete(String patientId) {
        PatientSummary s = full(patientId);
        return new PatientSummary(s.patientId(), s.helseindikator(), s.sections(), s.personalia(), s.fastlege(),
                s.paarorende(), s.legemidler(), s.kritiskInformasjon(), s.vaksiner(), s.besokshistorikk(),
                s.egneRegistreringer(), merknader());
    }

    /** The merknader of {@link #incomplete}: plain ASCII texts, each {@code innhold} holding the canary. */
    public static List<Merknad> merknader() {
        return List.of(
                new Merknad(Section.KRITISK_INFORMASJON, "MODUL_SPERRET",
                        "Pasienten har sperret modulen kritisk informasjon", "OperationOutcome", null),
                new Merknad(Section.LEGEMIDLER, "UKJENT_KODE", "Et legemiddel har en ukjent status og vises ikke",
                        "MedicationStatement", "{\"status\":\"" + MERKNAD_INNHOLD + "\"}"),
                new Merknad(null, "UKJENT_RESSURSTYPE", "Kjernejournal sendte en ressurstype som ikke kan vises",
                        "DeviceUseStatement", "{\"resourceType\":\"DeviceUseStatement\",\"note\":\""
                        + MERKNAD_INNHOLD + "\"}"));
    }

    /** The incomplete summary as a policy granting {@code sections} would leave it (merknader filtered too). */
    public static PatientSummary incompleteGranted(String patientId, Set<Section> sections) {
        return incomplete(patientId).restrictedTo(sections);
    }

    /** The full summary as a policy granting {@code sections} would leave it. */
    public static PatientSummary granted(String patientId, Set<Section> sections) {
        return full(patientId).restrictedTo(sections);
    }

    /** A text of the given section's data that a rendering of the full summary must contain. */
    public static String marker(Section section) {
        return switch (section) {
            case PERSONALIA -> FAMILY_NAME;
            case FASTLEGE -> FASTLEGE;
            case PAARORENDE -> PAARORENDE;
            case LEGEMIDLER -> LEGEMIDDEL;
            case KRITISK_INFORMASJON -> KRITISK;
            case VAKSINER -> VAKSINE;
            case BESOKSHISTORIKK -> BESOK;
            case EGNE_REGISTRERINGER -> EGENREGISTRERING;
        };
    }
}
