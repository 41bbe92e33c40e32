package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;

/**
 * Maps the FHIR R4 Bundle of {@code GET /v1/fhir/Patient/$everything} to the canonical sections, with
 * nothing silently dropped: a resource type, profile or code Kjernebro does not know, a resource
 * without the fields its section needs, a contained or referenced resource nothing uses, and a bundle
 * that has more pages all become {@link Merknad}s (with the original JSON where there is one). A
 * bundle about another patient is refused outright.
 */
public final class FhirBundleMapper {

    static final String HPR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String KJ_ROLLE = "http://nhn.no/kj/fhir/CodeSystem/KjRolle";
    static final String EGENREGISTRERT = "EGENREGISTRERT";
    private static final List<String> PROFILE_PREFIXES = List.of(
            "http://nhn.no/kj/fhir/StructureDefinition/Kj",
            "http://hl7.no/fhir/StructureDefinition/no-basis-",
            "http://hl7.org/fhir/StructureDefinition/");
    private static final Set<String> IDENTITY_SYSTEMS = Set.of(
            NationalIdentityNumber.Kind.FNR.oid(), NationalIdentityNumber.Kind.DNR.oid(),
            NationalIdentityNumber.Kind.HNR.oid());
    /** Resources that only describe who recorded something; used through references. */
    private static final Set<String> SUPPORT_TYPES = Set.of("Practitioner", "Organization", "PractitionerRole");
    private static final Set<String> CRITICALITIES = Set.of("low", "high", "unable-to-assess");
    private static final Set<String> RELATIONSHIPS = Set.of("N", "C");

    /** Everything the bundle held, before the policy's sections are applied. */
    public record Content(
            Personalia personalia,
            Fastlege fastlege,
            List<Paarorende> paarorende,
            List<KritiskInformasjon> kritiskInformasjon,
            List<Vaksine> vaksiner,
            List<Besok> besokshistorikk,
            EgneRegistreringer egneRegistreringer,
            List<Merknad> merknader) {
    }

    private final String expectedPatient;
    private final Merknader merknader = new Merknader();
    private final Map<String, JsonNode> byReference = new HashMap<>();
    private final Set<String> referenced = new HashSet<>();
    private final List<JsonNode> support = new ArrayList<>();
    private Personalia personalia;
    private Fastlege fastlege;
    private final List<Paarorende> paarorende = new ArrayList<>();
    private final List<KritiskInformasjon> kritisk = new ArrayList<>();
    private final List<Vaksine> vaksiner = new ArrayList<>();
    private final List<Besok> besok = new ArrayList<>();
    private final List<String> kommunikasjonsbehov = new ArrayList<>();
    private final List<String> sykdommer = new ArrayList<>();

    private FhirBundleMapper(String expectedPatient) {
        this.expectedPatient = expectedPatient;
    }

    /**
     * @param expectedPatient the identity number asked about; a Patient with another one is refused (null: no check)
     * @throws KjernejournalException KJERNEJOURNAL_REJECTED when the answer is not a Bundle, its entries are
     *         not a list, or it is about another patient
     */
    public static Content map(JsonNode bundle, String expectedPatient) throws KjernejournalException {
        return new FhirBundleMapper(expectedPatient).read(bundle);
    }

    private Content read(JsonNode bundle) throws KjernejournalException {
        String type = Nodes.text(bundle, "resourceType");
        if (!"Bundle".equals(type)) {
            throw rejected("critical information: the answer is " + (type == null ? "not a FHIR resource"
                    : "a " + type) + ", not a Bundle");
        }
        JsonNode entries = bundle.path("entry");
        if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
            throw rejected("critical information: Bundle.entry is not a list");
        }
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(Nodes.text(link, "relation"))) {
                merknader.add(null, Merknader.UFULLSTENDIG, "Kjernejournal delte svaret i flere sider; bare den første "
                        + "er hentet, så sammendraget kan være ufullstendig.", "Bundle", null);
            }
        }
        for (JsonNode entry : entries) {
            JsonNode r = entry.path("resource");
            if (r.isObject()) {
                index(entry, r);
            }
        }
        for (JsonNode entry : entries) {
            JsonNode r = entry.path("resource");
            if (!r.isObject()) {
                merknader.add(Section.KRITISK_INFORMASJON, Merknader.MANGLER_FELT,
                        "Et element i svaret fra kjernejournal mangler ressursen.", null, entry);
                continue;
            }
            resource(r);
        }
        for (JsonNode r : support) {
            if (!isReferenced(r)) {
                String t = Nodes.text(r, "resourceType");
                merknader.add(Section.KRITISK_INFORMASJON, Merknader.IKKE_VIST, "Kjernejournal sendte en " + t
                        + " som ingen opplysning viser til; se kjernejournal for innholdet.", t, r);
            }
        }
        return new Content(personalia, fastlege, paarorende, kritisk, vaksiner, besok,
                new EgneRegistreringer(kommunikasjonsbehov, sykdommer, null), merknader.toList());
    }

    private void resource(JsonNode r) throws KjernejournalException {
        String type = Nodes.text(r, "resourceType");
        if (type == null) {
            merknader.add(Section.KRITISK_INFORMASJON, Merknader.MANGLER_FELT,
                    "En ressurs fra kjernejournal mangler resourceType og kan ikke tolkes; se kjernejournal for innholdet.",
                    null, r);
            return;
        }
        switch (type) {
            case "Patient" -> patient(r);
            case "PractitionerRole" -> {
                if (isFastlege(r)) {
                    fastlege(r);
                } else {
                    support.add(r);
                }
            }
            case "Practitioner", "Organization" -> support.add(r);
            case "RelatedPerson" -> relatedPerson(r);
            case "AllergyIntolerance" -> allergy(r);
            case "Condition" -> condition(r);
            case "Flag" -> flag(r);
            case "Immunization" -> immunization(r);
            case "Encounter" -> encounter(r);
            case "OperationOutcome" -> operationOutcome(r);
            default -> merknader.add(Section.KRITISK_INFORMASJON, Merknader.UKJENT_RESSURSTYPE,
                    "Kjernejournal sendte en ressurs av typen " + type + ", som Kjernebro ikke viser strukturert; "
                            + "se kjernejournal for innholdet.", type, r);
        }
    }

    private void patient(JsonNode p) throws KjernejournalException {
        checkIdentity(p);
        profile(p, "Patient", Section.PERSONALIA);
        if (personalia != null) {
            merknader.add(Section.PERSONALIA, Merknader.UKJENT_KODE, "Kjernejournal sendte flere Patient-ressurser; "
                    + "den første er vist.", "Patient", p);
            return;
        }
        List<String> given = new ArrayList<>();
        p.path("name").path(0).path("given").forEach(g -> given.add(g.asText()));
        String family = Nodes.text(p, "name", 0, "family");
        String text = Nodes.text(p, "name", 0, "text");
        if (given.isEmpty() && family == null && text != null) {
            family = text;
        }
        if (given.isEmpty() && family == null) {
            merknader.add(Section.PERSONALIA, Merknader.MANGLER_FELT, "Pasientens navn mangler i svaret fra "
                    + "kjernejournal.", "Patient", null);
        }
        personalia = new Personalia(given.isEmpty() ? null : String.join(" ", given), family,
                date(p, Section.PERSONALIA, "Patient", "birthDate"),
                Nodes.text(p, "gender"),
                Nodes.text(p, "address", 0, "line", 0),
                Nodes.text(p, "address", 0, "postalCode"),
                Nodes.text(p, "address", 0, "city"),
                Nodes.text(p, "maritalStatus", "text"));
    }

    // Showing one patient's record in another's chart is the worst thing this mapper could do.
    private void checkIdentity(JsonNode p) throws KjernejournalException {
        if (expectedPatient == null) {
            return;
        }
        boolean named = false;
        for (JsonNode id : p.path("identifier")) {
            String value = Nodes.text(id, "value");
            if (value != null && IDENTITY_SYSTEMS.contains(Nodes.text(id, "system"))) {
                named = true;
                if (value.equals(expectedPatient)) {
                    return;
                }
            }
        }
        if (named) {
            throw rejected("critical information: the Bundle is about another patient than the one asked for");
        }
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

    private void fastlege(JsonNode role) {
        profile(role, "PractitionerRole", Section.FASTLEGE);
        String name = Nodes.text(role, "practitioner", "display");
        String hpr = Nodes.text(role, "practitioner", "identifier", "value");
        if (name == null && hpr == null) {
            merknader.add(Section.FASTLEGE, Merknader.MANGLER_FELT, "Fastlegen mangler navn og HPR-nummer i svaret "
                    + "fra kjernejournal; se kjernejournal for innholdet.", "PractitionerRole", role);
            return;
        }
        fastlege = new Fastlege(name, hpr,
                Nodes.text(role, "organization", "display"),
                Nodes.text(role, "organization", "identifier", "value"),
                Nodes.text(role, "telecom", 0, "value"));
    }

    private void relatedPerson(JsonNode r) {
        profile(r, "RelatedPerson", Section.PAARORENDE);
        String name = Nodes.text(r, "name", 0, "text");
        if (name == null) {
            String family = Nodes.text(r, "name", 0, "family");
            List<String> parts = new ArrayList<>();
            r.path("name").path(0).path("given").forEach(g -> parts.add(g.asText()));
            if (family != null) {
                parts.add(family);
            }
            name = parts.isEmpty() ? null : String.join(" ", parts);
        }
        if (name == null) {
            merknader.add(Section.PAARORENDE, Merknader.MANGLER_FELT, "En pårørende mangler navn i svaret fra "
                    + "kjernejournal; se kjernejournal for innholdet.", "RelatedPerson", r);
            return;
        }
        String code = Nodes.text(r, "relationship", 0, "coding", 0, "code");
        if (code != null && !RELATIONSHIPS.contains(code)) {
            merknader.add(Section.PAARORENDE, Merknader.UKJENT_KODE, "Ukjent relasjonskode " + code + " for "
                    + "pårørende; relasjonen er vist som tekst.", "RelatedPerson", r);
        }
        paarorende.add(new Paarorende(name, Nodes.text(r, "relationship", 0, "text"),
                Nodes.text(r, "telecom", 0, "value"), "C".equals(code)));
    }

    private void allergy(JsonNode r) {
        profile(r, "AllergyIntolerance", Section.KRITISK_INFORMASJON);
        String text = Nodes.text(r, "code", "text");
        String code = Nodes.text(r, "code", "coding", 0, "code");
        if (text == null && code == null) {
            missing(Section.KRITISK_INFORMASJON, "AllergyIntolerance", "code", r);
            return;
        }
        String criticality = Nodes.text(r, "criticality");
        if (criticality != null && !CRITICALITIES.contains(criticality)) {
            merknader.add(Section.KRITISK_INFORMASJON, Merknader.UKJENT_KODE, "Ukjent alvorlighetsgrad '" + criticality
                    + "' for en allergi; den er vist som sendt.", "AllergyIntolerance", r);
        }
        kritisk.add(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, code,
                text != null ? text : Nodes.text(r, "code", "coding", 0, "display"), criticality,
                date(r, Section.KRITISK_INFORMASJON, "AllergyIntolerance", "recordedDate"), recorder(r)));
        unusedContained(r, Section.KRITISK_INFORMASJON);
    }

    private void condition(JsonNode r) {
        String category = Nodes.text(r, "category", 0, "coding", 0, "code");
        boolean own = EGENREGISTRERT.equals(category);
        Section section = own ? Section.EGNE_REGISTRERINGER : Section.KRITISK_INFORMASJON;
        profile(r, "Condition", section);
        String text = Nodes.text(r, "code", "text");
        String code = Nodes.text(r, "code", "coding", 0, "code");
        String shown = text != null ? text : Nodes.text(r, "code", "coding", 0, "display");
        if (shown == null && code == null) {
            missing(section, "Condition", "code", r);
            return;
        }
        if (own) {
            sykdommer.add(shown != null ? shown : code);
            return;
        }
        KritiskInformasjon.Kategori kategori = kategori(category);
        if (kategori == null) {
            // shown all the same: hiding critical information is the worse error
            kategori = KritiskInformasjon.Kategori.KRITISK_TILSTAND;
            merknader.add(Section.KRITISK_INFORMASJON, category == null ? Merknader.MANGLER_FELT : Merknader.UKJENT_KODE,
                    (category == null ? "Kritisk informasjon uten kategori" : "Ukjent kategori " + category
                            + " for kritisk informasjon") + "; vist som kritisk tilstand.", "Condition", r);
        }
        kritisk.add(new KritiskInformasjon(kategori, code, shown, Nodes.text(r, "severity", "text"),
                date(r, Section.KRITISK_INFORMASJON, "Condition", "recordedDate"), recorder(r)));
        unusedContained(r, Section.KRITISK_INFORMASJON);
    }

    private void flag(JsonNode r) {
        String category = Nodes.text(r, "category", 0, "coding", 0, "code");
        if (!EGENREGISTRERT.equals(category)) {
            merknader.add(Section.KRITISK_INFORMASJON, Merknader.UKJENT_KODE, "Kjernejournal sendte et varsel (Flag) "
                    + "med kategori " + category + ", som Kjernebro ikke viser strukturert; se kjernejournal for innholdet.",
                    "Flag", r);
            return;
        }
        profile(r, "Flag", Section.EGNE_REGISTRERINGER);
        String text = Nodes.text(r, "code", "text");
        if (text == null) {
            missing(Section.EGNE_REGISTRERINGER, "Flag", "code.text", r);
            return;
        }
        kommunikasjonsbehov.add(text);
    }

    private void immunization(JsonNode r) {
        profile(r, "Immunization", Section.VAKSINER);
        String text = Nodes.text(r, "vaccineCode", "text");
        String code = Nodes.text(r, "vaccineCode", "coding", 0, "code");
        if (text == null && code == null) {
            missing(Section.VAKSINER, "Immunization", "vaccineCode", r);
            return;
        }
        String status = Nodes.text(r, "status");
        if (status != null && !"completed".equals(status)) {
            merknader.add(Section.VAKSINER, Merknader.UKJENT_KODE, "En vaksinasjon har status " + status
                    + " og er ikke vist i listen over gitte vaksiner; se kjernejournal for innholdet.", "Immunization", r);
            return;
        }
        vaksiner.add(new Vaksine(text != null ? text : Nodes.text(r, "vaccineCode", "coding", 0, "display"), code,
                date(r, Section.VAKSINER, "Immunization", "occurrenceDateTime"),
                Nodes.text(r, "performer", 0, "actor", "display")));
    }

    private void encounter(JsonNode e) {
        profile(e, "Encounter", Section.BESOKSHISTORIKK);
        String place = Nodes.text(e, "serviceProvider", "display");
        LocalDate from = date(e, Section.BESOKSHISTORIKK, "Encounter", "period", "start");
        if (place == null && from == null) {
            missing(Section.BESOKSHISTORIKK, "Encounter", "serviceProvider og period.start", e);
            return;
        }
        String type = Nodes.text(e, "type", 0, "text");
        besok.add(new Besok(place, null, type != null ? type : Nodes.text(e, "class", "code"), from,
                date(e, Section.BESOKSHISTORIKK, "Encounter", "period", "end")));
    }

    private void operationOutcome(JsonNode o) {
        for (JsonNode issue : o.path("issue")) {
            String text = Nodes.text(issue, "details", "text");
            if (text == null) {
                text = Nodes.text(issue, "diagnostics");
            }
            boolean restricted = false;
            for (JsonNode coding : issue.path("details").path("coding")) {
                restricted |= String.valueOf(Nodes.text(coding, "code")).toUpperCase(Locale.ROOT).contains("SPERRET");
            }
            merknader.add(Section.KRITISK_INFORMASJON, restricted ? Merknader.MODUL_SPERRET : Merknader.MELDING,
                    restricted ? "Pasienten har sperret deler av kjernejournalen; de vises bare med pasientens samtykke."
                            : "Melding fra kjernejournal: " + (text == null ? Nodes.text(issue, "code") : text),
                    "OperationOutcome", issue);
        }
    }

    // ---- helpers ----

    private void index(JsonNode entry, JsonNode r) {
        String fullUrl = Nodes.text(entry, "fullUrl");
        if (fullUrl != null) {
            byReference.put(fullUrl, r);
        }
        String type = Nodes.text(r, "resourceType");
        String id = Nodes.text(r, "id");
        if (type != null && id != null) {
            byReference.put(type + "/" + id, r);
            if (fullUrl != null && fullUrl.endsWith("/" + type + "/" + id)) {
                byReference.put(fullUrl, r);
            }
        }
    }

    private boolean isReferenced(JsonNode r) {
        for (Map.Entry<String, JsonNode> e : byReference.entrySet()) {
            if (e.getValue() == r && referenced.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Name (HPR n)" of whoever recorded the entry: from the reference's display and identifier, or the
     * contained or bundled PractitionerRole / Practitioner it points at (NHN does that; we do not rely on it).
     */
    private String recorder(JsonNode resource) {
        JsonNode recorder = resource.path("recorder");
        String name = Nodes.text(recorder, "display");
        String hpr = HPR_SYSTEM.equals(Nodes.text(recorder, "identifier", "system"))
                ? Nodes.text(recorder, "identifier", "value") : null;
        String ref = Nodes.text(recorder, "reference");
        JsonNode target = null;
        if (ref != null && ref.startsWith("#")) {
            for (JsonNode c : resource.path("contained")) {
                if (ref.substring(1).equals(Nodes.text(c, "id"))) {
                    target = c;
                }
            }
        } else if (ref != null && byReference.containsKey(ref)) {
            referenced.add(ref);
            target = byReference.get(ref);
        }
        if (target != null) {
            JsonNode person = "PractitionerRole".equals(Nodes.text(target, "resourceType"))
                    ? target.path("practitioner") : target;
            if (name == null) {
                name = Nodes.text(person, "display");
            }
            if (name == null) {
                name = Nodes.text(person, "name", 0, "text");
            }
            if (hpr == null) {
                hpr = hpr(person.path("identifier"));
            }
        }
        if (hpr == null) {
            return name;
        }
        return name == null ? "HPR " + hpr : name + " (HPR " + hpr + ")";
    }

    private static String hpr(JsonNode identifier) {
        if (identifier.isArray()) {
            for (JsonNode id : identifier) {
                if (HPR_SYSTEM.equals(Nodes.text(id, "system"))) {
                    return Nodes.text(id, "value");
                }
            }
            return null;
        }
        return HPR_SYSTEM.equals(Nodes.text(identifier, "system")) ? Nodes.text(identifier, "value") : null;
    }

    private void unusedContained(JsonNode resource, Section section) {
        String ref = Nodes.text(resource, "recorder", "reference");
        for (JsonNode c : resource.path("contained")) {
            String id = Nodes.text(c, "id");
            if (id == null || !("#" + id).equals(ref)) {
                String t = Nodes.text(c, "resourceType");
                merknader.add(section, Merknader.IKKE_VIST, "En innebygd " + t + " i " + Nodes.text(resource,
                        "resourceType") + " er ikke vist; se kjernejournal for innholdet.", t, c);
            }
        }
    }

    private void profile(JsonNode r, String type, Section section) {
        for (JsonNode p : r.path("meta").path("profile")) {
            String profile = p.asText();
            String bare = profile.contains("|") ? profile.substring(0, profile.indexOf('|')) : profile;
            boolean known = PROFILE_PREFIXES.stream().anyMatch(prefix -> bare.equals(prefix + type));
            if (!known) {
                merknader.add(section, Merknader.UKJENT_PROFIL, type + " følger profilen " + profile + ", som Kjernebro "
                        + "ikke kjenner; feltene Kjernebro kjenner er vist.", type, r);
            }
        }
    }

    private void missing(Section section, String type, String field, JsonNode r) {
        merknader.add(section, Merknader.MANGLER_FELT, type + " fra kjernejournal mangler " + field
                + " og kan ikke vises strukturert; se kjernejournal for innholdet.", type, r);
    }

    private LocalDate date(JsonNode r, Section section, String type, Object... path) {
        String text = Nodes.text(r, path);
        LocalDate date = Nodes.date(text);
        if (text != null && date == null) {
            merknader.add(section, Merknader.UKJENT_KODE, type + " har en dato Kjernebro ikke kan lese ('" + text
                    + "'); den er utelatt.", type, null);
        }
        return date;
    }

    private static KritiskInformasjon.Kategori kategori(String code) {
        if (code != null) {
            for (KritiskInformasjon.Kategori k : KritiskInformasjon.Kategori.values()) {
                if (k.name().equals(code)) {
                    return k;
                }
            }
        }
        return null;
    }

    private static KjernejournalException rejected(String message) {
        return new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, message);
    }
}
