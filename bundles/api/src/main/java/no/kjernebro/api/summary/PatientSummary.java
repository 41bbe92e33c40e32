package no.kjernebro.api.summary;

import java.util.List;
import no.kjernebro.api.lookup.Section;

/**
 * A patient's kjernejournal in canonical form. Sections the policy did not grant are null (single
 * values) or empty lists, and {@link #sections()} names exactly the granted ones, so a translator
 * can tell "not granted" from "granted but empty". {@link #toString()} shows no identity number.
 *
 * @param patientId the national identity number looked up
 * @param merknader what kjernejournal sent that Kjernebro could not map or that is incomplete (unknown
 *        resource types, unknown codes, a module left out): the summary is complete only when empty.
 *        Since 1.1
 */
public record PatientSummary(
        String patientId,
        Helseindikator helseindikator,
        java.util.Set<Section> sections,
        Personalia personalia,
        Fastlege fastlege,
        List<Paarorende> paarorende,
        Legemidler legemidler,
        List<KritiskInformasjon> kritiskInformasjon,
        List<Vaksine> vaksiner,
        List<Besok> besokshistorikk,
        EgneRegistreringer egneRegistreringer,
        List<Merknad> merknader) {

    /** The 1.0 form, without merknader. */
    public PatientSummary(String patientId, Helseindikator helseindikator, java.util.Set<Section> sections,
                          Personalia personalia, Fastlege fastlege, List<Paarorende> paarorende, Legemidler legemidler,
                          List<KritiskInformasjon> kritiskInformasjon, List<Vaksine> vaksiner, List<Besok> besokshistorikk,
                          EgneRegistreringer egneRegistreringer) {
        this(patientId, helseindikator, sections, personalia, fastlege, paarorende, legemidler, kritiskInformasjon,
                vaksiner, besokshistorikk, egneRegistreringer, List.of());
    }

    public PatientSummary {
        merknader = merknader == null ? List.of() : List.copyOf(merknader);
        sections = sections == null ? java.util.Set.of() : java.util.Set.copyOf(sections);
        paarorende = paarorende == null ? List.of() : List.copyOf(paarorende);
        kritiskInformasjon = kritiskInformasjon == null ? List.of() : List.copyOf(kritiskInformasjon);
        vaksiner = vaksiner == null ? List.of() : List.copyOf(vaksiner);
        besokshistorikk = besokshistorikk == null ? List.of() : List.copyOf(besokshistorikk);
    }

    /** A copy holding only the given sections; everything else is dropped. */
    public PatientSummary restrictedTo(java.util.Set<Section> allowed) {
        java.util.Set<Section> keep = java.util.EnumSet.noneOf(Section.class);
        for (Section s : allowed) {
            if (sections.contains(s)) {
                keep.add(s);
            }
        }
        return new PatientSummary(patientId, helseindikator, keep,
                keep.contains(Section.PERSONALIA) ? personalia : null,
                keep.contains(Section.FASTLEGE) ? fastlege : null,
                keep.contains(Section.PAARORENDE) ? paarorende : List.of(),
                keep.contains(Section.LEGEMIDLER) ? legemidler : null,
                keep.contains(Section.KRITISK_INFORMASJON) ? kritiskInformasjon : List.of(),
                keep.contains(Section.VAKSINER) ? vaksiner : List.of(),
                keep.contains(Section.BESOKSHISTORIKK) ? besokshistorikk : List.of(),
                keep.contains(Section.EGNE_REGISTRERINGER) ? egneRegistreringer : null,
                restricted(merknader, keep));
    }

    /**
     * Merknader of granted sections stay whole. One that belongs to no known section stays as a notice,
     * but its original content only when every section was granted: an unmapped resource may hold
     * clinical data the caller's policy does not allow.
     */
    private static List<Merknad> restricted(List<Merknad> merknader, java.util.Set<Section> keep) {
        boolean everything = keep.containsAll(java.util.EnumSet.allOf(Section.class));
        return merknader.stream()
                .filter(m -> m.seksjon() == null || keep.contains(m.seksjon()))
                .map(m -> m.seksjon() == null && !everything && m.innhold() != null
                        ? new Merknad(null, m.kode(), m.tekst(), m.ressurstype(), null) : m)
                .toList();
    }

    /** True when everything kjernejournal sent for the granted sections was mapped. */
    public boolean fullstendig() {
        return merknader.isEmpty();
    }

    @Override
    public String toString() {
        return "PatientSummary[patient=" + no.kjernebro.api.identity.NationalIdentityNumber.mask(patientId)
                + ", status=" + (helseindikator == null ? null : helseindikator.status())
                + ", sections=" + sections + "]";
    }
}
