package no.kjernebro.auditreview.internal.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.Section;

/**
 * The codes the log stores, in words a patient understands. Unknown codes are shown as recorded:
 * a refused request may carry anything the caller sent.
 */
final class NorwegianLabels {

    private static final Map<String, String> ACCESS_BASIS = Map.of(
            "HPMOTTATTSAMTYKKE", "Du hadde gitt samtykke",
            "HPAKUTT", "Akutt behov (nødrett)",
            "HPUNNTAK", "Samtykke ikke nødvendig (f.eks. fastlegen din)");

    private static final Map<String, String> SERVICE_CONTEXT = Map.of(
            "HJEMMETJENESTE", "Hjemmetjeneste",
            "SYKEHJEM_LANGTID", "Sykehjem, langtidsopphold",
            "SYKEHJEM_KORTTID", "Sykehjem, korttidsopphold",
            "KAD_OHD", "Kommunal akutt døgnplass",
            "OMSORGSINSTITUSJON", "Omsorgsinstitusjon",
            "TILDELINGSKONTOR", "Tildelingskontor / forvaltningskontor");

    private static final Map<Section, String> SECTIONS = Map.of(
            Section.PERSONALIA, "Personalia",
            Section.FASTLEGE, "Fastlege",
            Section.PAARORENDE, "Pårørende",
            Section.LEGEMIDLER, "Legemidler",
            Section.KRITISK_INFORMASJON, "Kritisk informasjon",
            Section.VAKSINER, "Vaksiner",
            Section.BESOKSHISTORIKK, "Besøkshistorikk",
            Section.EGNE_REGISTRERINGER, "Dine egne registreringer");

    private NorwegianLabels() {
    }

    static String accessBasis(String code) {
        if (code == null || code.isBlank()) {
            return "Ikke oppgitt";
        }
        return ACCESS_BASIS.getOrDefault(code, code);
    }

    static String serviceContext(String code) {
        if (code == null || code.isBlank()) {
            return "Ikke oppgitt";
        }
        return SERVICE_CONTEXT.getOrDefault(code, code);
    }

    static String profession(String code) {
        if (code == null || code.isBlank()) {
            return "Ikke oppgitt";
        }
        if ("SAKSBEHANDLER".equalsIgnoreCase(code)) {
            return "Saksbehandler";
        }
        return Profession.fromCode(code).map(p -> capitalise(p.norwegianName())).orElse(code);
    }

    /** Sections in the kjernejournal's own order, or a plain statement that nothing was shown. */
    static String sections(Collection<Section> shown) {
        if (shown == null || shown.isEmpty()) {
            return "Ingen opplysninger";
        }
        return List.of(Section.values()).stream().filter(shown::contains).map(SECTIONS::get)
                .collect(Collectors.joining(", "));
    }

    static String outcome(Outcome outcome) {
        return switch (outcome) {
            case ALLOWED -> "Innsyn gitt";
            case REFUSED -> "Avvist, ingenting vist";
            case FAILED -> "Mislyktes, ingenting vist";
        };
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
