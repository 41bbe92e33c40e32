package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;

/**
 * Maps the FHIR R4 Bundle of {@code GET /v1/fhir/Patient/$everything} to the canonical sections.
 * Reads only the elements kjernejournal's profiles use; anything else in the bundle is ignored.
 */
public final class FhirBundleMapper {

    static final String HPR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String KJ_ROLLE = "http://nhn.no/kj/fhir/CodeSystem/KjRolle";
    static final String EGENREGISTRERT = "EGENREGISTRERT";

    /** Everything the bundle held, before the policy's sections are applied. */
    public record Content(
            Personalia personalia,
            Fastlege fastlege,
            List<Paarorende> paarorende,
            List<KritiskInformasjon> kritiskInformasjon,
            List<Vaksine> vaksiner,
            List<Besok> besokshistorikk,
            EgneRegistreringer egneRegistreringer) {
    }

    private FhirBundleMapper() {
    }

    public static Content map(JsonNode bundle) {
        if (!"Bundle".equals(Nodes.text(bundle, "resourceType"))) {
            throw new IllegalArgumentException("not a FHIR Bundle: " + Nodes.text(bundle, "resourceType"));
        }
        Personalia personalia = null;
        Fastlege fastlege = null;
        List<Paarorende> paarorende = new ArrayList<>();
        List<KritiskInformasjon> kritisk = new ArrayList<>();
        List<Vaksine> vaksiner = new ArrayList<>();
        List<Besok> besok = new ArrayList<>();
        List<String> kommunikasjonsbehov = new ArrayList<>();
        List<String> sykdommer = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            switch (String.valueOf(Nodes.text(r, "resourceType"))) {
                case "Patient" -> personalia = personalia(r);
                case "PractitionerRole" -> {
                    if (isFastlege(r)) {
                        fastlege = fastlege(r);
                    }
                }
                case "RelatedPerson" -> paarorende.add(paarorende(r));
                case "AllergyIntolerance" -> kritisk.add(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI,
                        Nodes.text(r, "code", "coding", 0, "code"), Nodes.text(r, "code", "text"),
                        Nodes.text(r, "criticality"), Nodes.date(Nodes.text(r, "recordedDate")), recorder(r)));
                case "Condition" -> {
                    String category = Nodes.text(r, "category", 0, "coding", 0, "code");
                    if (EGENREGISTRERT.equals(category)) {
                        addIfPresent(sykdommer, Nodes.text(r, "code", "text"));
                    } else {
                        kritisk.add(new KritiskInformasjon(conditionKategori(category),
                                Nodes.text(r, "code", "coding", 0, "code"), Nodes.text(r, "code", "text"),
                                Nodes.text(r, "severity", "text"), Nodes.date(Nodes.text(r, "recordedDate")), recorder(r)));
                    }
                }
                case "Flag" -> {
                    if (EGENREGISTRERT.equals(Nodes.text(r, "category", 0, "coding", 0, "code"))) {
                        addIfPresent(kommunikasjonsbehov, Nodes.text(r, "code", "text"));
                    }
                }
                case "Immunization" -> vaksiner.add(new Vaksine(Nodes.text(r, "vaccineCode", "text"),
                        Nodes.text(r, "vaccineCode", "coding", 0, "code"),
                        Nodes.date(Nodes.text(r, "occurrenceDateTime")),
                        Nodes.text(r, "performer", 0, "actor", "display")));
                case "Encounter" -> besok.add(besok(r));
                default -> { } // not part of the canonical summary
            }
        }
        return new Content(personalia, fastlege, paarorende, kritisk, vaksiner, besok,
                new EgneRegistreringer(kommunikasjonsbehov, sykdommer, null));
    }

    private static Personalia personalia(JsonNode p) {
        List<String> given = new ArrayList<>();
        p.path("name").path(0).path("given").forEach(g -> given.add(g.asText()));
        return new Personalia(given.isEmpty() ? null : String.join(" ", given),
                Nodes.text(p, "name", 0, "family"),
                Nodes.date(Nodes.text(p, "birthDate")),
                Nodes.text(p, "gender"),
                Nodes.text(p, "address", 0, "line", 0),
                Nodes.text(p, "address", 0, "postalCode"),
                Nodes.text(p, "address", 0, "city"),
                Nodes.text(p, "maritalStatus", "text"));
    }

    private static boolean isFastlege(JsonNode role) {
        for (JsonNode code : role.path("code")) {
            for (JsonNode coding : code.path("coding")) {
                if (KJ_ROLLE.equals(Nodes.text(coding, "system")) && "FASTLEGE".equals(Nodes.text(coding, "code"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Fastlege fastlege(JsonNode role) {
        return new Fastlege(Nodes.text(role, "practitioner", "display"),
                Nodes.text(role, "practitioner", "identifier", "value"),
                Nodes.text(role, "organization", "display"),
                Nodes.text(role, "organization", "identifier", "value"),
                Nodes.text(role, "telecom", 0, "value"));
    }

    private static Paarorende paarorende(JsonNode r) {
        return new Paarorende(Nodes.text(r, "name", 0, "text"),
                Nodes.text(r, "relationship", 0, "text"),
                Nodes.text(r, "telecom", 0, "value"),
                "C".equals(Nodes.text(r, "relationship", 0, "coding", 0, "code")));
    }

    private static Besok besok(JsonNode e) {
        String type = Nodes.text(e, "type", 0, "text");
        return new Besok(Nodes.text(e, "serviceProvider", "display"), null,
                type != null ? type : Nodes.text(e, "class", "code"),
                Nodes.date(Nodes.text(e, "period", "start")),
                Nodes.date(Nodes.text(e, "period", "end")));
    }

    // An unknown category of critical information is still shown: hiding it is the worse error.
    private static KritiskInformasjon.Kategori conditionKategori(String code) {
        if (code != null) {
            for (KritiskInformasjon.Kategori k : KritiskInformasjon.Kategori.values()) {
                if (k.name().equals(code)) {
                    return k;
                }
            }
        }
        return KritiskInformasjon.Kategori.KRITISK_TILSTAND;
    }

    /**
     * "Name (HPR n)" from the recorder reference, falling back to a contained PractitionerRole when
     * the reference points at one (NHN does that; we do not depend on it).
     */
    private static String recorder(JsonNode resource) {
        JsonNode recorder = resource.path("recorder");
        String name = Nodes.text(recorder, "display");
        String hpr = HPR_SYSTEM.equals(Nodes.text(recorder, "identifier", "system"))
                ? Nodes.text(recorder, "identifier", "value") : null;
        String ref = Nodes.text(recorder, "reference");
        if (ref != null && ref.startsWith("#")) {
            for (JsonNode c : resource.path("contained")) {
                if (ref.substring(1).equals(Nodes.text(c, "id"))) {
                    name = name != null ? name : Nodes.text(c, "practitioner", "display");
                    if (hpr == null && HPR_SYSTEM.equals(Nodes.text(c, "practitioner", "identifier", "system"))) {
                        hpr = Nodes.text(c, "practitioner", "identifier", "value");
                    }
                }
            }
        }
        if (hpr == null) {
            return name;
        }
        return name == null ? "HPR " + hpr : name + " (HPR " + hpr + ")";
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }
}
