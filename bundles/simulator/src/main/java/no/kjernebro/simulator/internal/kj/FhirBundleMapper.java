package no.kjernebro.simulator.internal.kj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.http.Json;

/**
 * Renders one patient of the dataset as the FHIR R4 searchset Bundle kjernejournal returns from
 * {@code $everything}. Resource ids are random per response: they must not be derivable from the
 * identity number.
 */
final class FhirBundleMapper {

    /**
     * What the caller may see.
     *
     * @param klinisk the user is health personnel (an HPR number in the token): clinical content is shared
     * @param kritiskInfo critical information is shared (not restricted, or the patient consented)
     */
    record Innsyn(boolean klinisk, boolean kritiskInfo) {
        static final Innsyn ALT = new Innsyn(true, true);
    }

    static final String MERKNAD_SYSTEM = "http://nhn.no/kj/fhir/CodeSystem/KjMerknad";
    static final String MODUL_SYSTEM = "http://nhn.no/kj/fhir/CodeSystem/KjModul";

    static final String PROFILE_ALLERGY = "http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance";
    static final String PROFILE_CONDITION = "http://nhn.no/kj/fhir/StructureDefinition/KjCondition";
    static final String KATEGORI_SYSTEM = "http://nhn.no/kj/fhir/CodeSystem/KjKategori";
    static final String ROLLE_SYSTEM = "http://nhn.no/kj/fhir/CodeSystem/KjRolle";
    static final String HPR_OID = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String EGENREGISTRERT = "EGENREGISTRERT";
    private static final Map<String, String> CODE_SYSTEMS = Map.of(
            "ATC", "http://www.whocc.no/atc",
            "ICD-10", "urn:oid:2.16.578.1.12.4.1.1.7110",
            "SNOMED-CT", "http://snomed.info/sct");

    private final Pasient pasient;
    private final Clock clock;
    private final String patientId = UUID.randomUUID().toString();
    // Entries are addressed by urn:uuid fullUrls, so references inside the Bundle use the same form.
    private final String patientReference = "urn:uuid:" + patientId;
    private final ArrayNode entries = Json.MAPPER.createArrayNode();

    FhirBundleMapper(Pasient pasient, Clock clock) {
        this.pasient = pasient;
        this.clock = clock;
    }

    ObjectNode bundle() {
        return bundle(Innsyn.ALT);
    }

    ObjectNode bundle(Innsyn innsyn) {
        add(patient());
        pasient.fastlegeOptional().ifPresent(gp -> add(fastlege(gp)));
        pasient.egenregistreringer().parorende().forEach(p -> add(relatedPerson(p)));
        if (innsyn.klinisk()) {
            if (innsyn.kritiskInfo()) {
                for (Pasient.KritiskInfo info : pasient.kritiskInfo()) {
                    add("ALLERGI".equals(info.kategori()) ? allergy(info) : condition(info));
                }
            }
            pasient.egenregistreringer().sykdommer().forEach(s -> add(egenregistrertSykdom(s)));
            pasient.egenregistreringer().kommunikasjonsbehov().forEach(k -> add(kommunikasjonsbehov(k)));
            pasient.vaksiner().forEach(v -> add(immunization(v)));
            pasient.besok().forEach(b -> add(encounter(b)));
        }
        int matches = entries.size();
        if (!innsyn.klinisk()) {
            addOutcome(outcome("KREVER_HELSEPERSONELL", null, "Brukeren har ikke HPR-nummer i tokenet; kliniske "
                    + "opplysninger (kritisk informasjon, egne registreringer, vaksiner, besøk) deles bare med helsepersonell."));
        } else if (!innsyn.kritiskInfo() && !pasient.kritiskInfo().isEmpty()) {
            addOutcome(outcome("MODUL_SPERRET", Pasient.MODUL_KRITISK_INFO, "Pasienten har sperret kritisk informasjon. "
                    + "Den vises bare med pasientens samtykke (KJ-SAMTYKKE-SPERRET-KRITISKINFO: true)."));
        }

        ObjectNode bundle = Json.object()
                .put("resourceType", "Bundle")
                .put("id", UUID.randomUUID().toString())
                .put("type", "searchset")
                .put("timestamp", OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("total", matches);
        bundle.set("entry", entries);
        return bundle;
    }

    // Left-out content is said in an OperationOutcome entry (search mode "outcome"), so a reader can
    // tell "nothing registered" from "not shown to you".
    private ObjectNode outcome(String code, String modul, String text) {
        ObjectNode outcome = resource("OperationOutcome", null);
        ObjectNode issue = outcome.putArray("issue").addObject()
                .put("severity", "information")
                .put("code", "suppressed");
        ObjectNode details = issue.putObject("details");
        ArrayNode coding = details.putArray("coding");
        coding.addObject().put("system", MERKNAD_SYSTEM).put("code", code);
        if (modul != null) {
            coding.addObject().put("system", MODUL_SYSTEM).put("code", modul);
        }
        details.put("text", text);
        return outcome;
    }

    private void addOutcome(ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "urn:uuid:" + resource.get("id").asText());
        entry.set("resource", resource);
        entry.putObject("search").put("mode", "outcome");
    }

    private ObjectNode patient() {
        NationalIdentityNumber id = pasient.identity();
        ObjectNode patient = resource("Patient", patientId);
        patient.putArray("identifier").addObject()
                .put("system", id.kind().oid())
                .put("value", id.value());
        ObjectNode name = patient.putArray("name").addObject().put("use", "official").put("family", pasient.etternavn());
        ArrayNode given = name.putArray("given");
        for (String part : pasient.fornavn().trim().split("\\s+")) {
            given.add(part);
        }
        patient.put("gender", pasient.gender()).put("birthDate", id.birthDate().toString());
        if (pasient.adresse() != null) {
            ObjectNode address = patient.putArray("address").addObject().put("use", "home");
            address.putArray("line").add(pasient.adresse().linje());
            address.put("postalCode", pasient.adresse().postnummer()).put("city", pasient.adresse().poststed());
        }
        if (pasient.sivilstand() != null) {
            patient.putObject("maritalStatus").put("text", pasient.sivilstand());
        }
        return patient;
    }

    private ObjectNode fastlege(Pasient.Fastlege gp) {
        ObjectNode role = resource("PractitionerRole", null);
        role.putArray("code").addObject().putArray("coding").addObject()
                .put("system", ROLLE_SYSTEM).put("code", "FASTLEGE").put("display", "Fastlege");
        ObjectNode practitioner = role.putObject("practitioner").put("display", gp.navn());
        practitioner.putObject("identifier").put("system", HPR_OID).put("value", gp.hpr());
        ObjectNode organization = role.putObject("organization").put("display", gp.legekontor());
        organization.putObject("identifier").put("system", OrganisationNumber.OID).put("value", gp.orgnr());
        if (gp.telefon() != null) {
            role.putArray("telecom").addObject().put("system", "phone").put("value", gp.telefon());
        }
        return role;
    }

    private ObjectNode relatedPerson(Pasient.Parorende p) {
        ObjectNode related = resource("RelatedPerson", null);
        related.putObject("patient").put("reference", patientReference);
        ObjectNode relationship = related.putArray("relationship").addObject().put("text", p.relasjon());
        relationship.putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0131")
                .put("code", p.type())
                .put("display", "N".equals(p.type()) ? "Next-of-Kin" : "Emergency Contact");
        related.putArray("name").addObject().put("text", p.navn());
        if (p.telefon() != null) {
            related.putArray("telecom").addObject().put("system", "phone").put("value", p.telefon());
        }
        return related;
    }

    private ObjectNode allergy(Pasient.KritiskInfo info) {
        ObjectNode allergy = resource("AllergyIntolerance", null);
        allergy.putObject("meta").putArray("profile").add(PROFILE_ALLERGY);
        recorder(allergy, info.registrertAv());
        allergy.putObject("clinicalStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical")
                .put("code", "active");
        if ("ATC".equals(info.kodeverk())) {
            allergy.putArray("category").add("medication");
        }
        allergy.put("criticality", criticality(info.alvorlighet()));
        allergy.set("code", codeableConcept(info.kodeverk(), info.kode(), info.tekst()));
        allergy.putObject("patient").put("reference", patientReference);
        allergy.put("recordedDate", info.registrert());
        return allergy;
    }

    private ObjectNode condition(Pasient.KritiskInfo info) {
        ObjectNode condition = resource("Condition", null);
        condition.putObject("meta").putArray("profile").add(PROFILE_CONDITION);
        recorder(condition, info.registrertAv());
        category(condition, info.kategori());
        condition.putObject("severity").put("text", info.alvorlighet());
        condition.set("code", codeableConcept(info.kodeverk(), info.kode(), info.tekst()));
        condition.putObject("subject").put("reference", patientReference);
        condition.put("recordedDate", info.registrert());
        return condition;
    }

    private ObjectNode egenregistrertSykdom(Pasient.Sykdom sykdom) {
        ObjectNode condition = resource("Condition", null);
        condition.putObject("meta").putArray("profile").add(PROFILE_CONDITION);
        category(condition, EGENREGISTRERT);
        condition.set("code", codeableConcept(sykdom.kode() == null ? null : "ICD-10", sykdom.kode(), sykdom.tekst()));
        condition.putObject("subject").put("reference", patientReference);
        condition.put("recordedDate", sykdom.registrert());
        condition.putObject("recorder").put("reference", patientReference).put("display", "Pasienten selv");
        return condition;
    }

    private ObjectNode kommunikasjonsbehov(Pasient.Kommunikasjonsbehov behov) {
        ObjectNode flag = resource("Flag", null).put("status", "active");
        category(flag, EGENREGISTRERT);
        flag.putObject("code").put("text", behov.tekst());
        flag.putObject("subject").put("reference", patientReference);
        flag.putObject("period").put("start", behov.registrert());
        return flag;
    }

    private ObjectNode immunization(Pasient.Vaksine vaksine) {
        ObjectNode immunization = resource("Immunization", null).put("status", "completed");
        immunization.set("vaccineCode", codeableConcept("ATC", vaksine.atc(), vaksine.navn()));
        immunization.putObject("patient").put("reference", patientReference);
        immunization.put("occurrenceDateTime", vaksine.dato());
        if (vaksine.utfortAv() != null) {
            immunization.putArray("performer").addObject().putObject("actor").put("display", vaksine.utfortAv());
        }
        return immunization;
    }

    private ObjectNode encounter(Pasient.Besok besok) {
        ObjectNode encounter = resource("Encounter", null).put("status", besok.til() == null ? "in-progress" : "finished");
        encounter.putObject("class")
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .put("code", besok.klasse());
        encounter.putArray("type").addObject().put("text", besok.type());
        encounter.putObject("subject").put("reference", patientReference);
        ObjectNode period = encounter.putObject("period").put("start", besok.fra());
        if (besok.til() != null) {
            period.put("end", besok.til());
        }
        encounter.putObject("serviceProvider").put("display", besok.sted());
        return encounter;
    }

    // NHN gives the recorder as a contained PractitionerRole; the display is there for readers that skip it.
    private static void recorder(ObjectNode resource, Pasient.Registrator registrator) {
        if (registrator == null) {
            return;
        }
        ObjectNode role = resource.putArray("contained").addObject()
                .put("resourceType", "PractitionerRole")
                .put("id", "recorder");
        ObjectNode practitioner = role.putObject("practitioner").put("display", registrator.navn());
        if (registrator.hpr() != null) {
            practitioner.putObject("identifier").put("system", HPR_OID).put("value", registrator.hpr());
        }
        if (registrator.virksomhet() != null) {
            ObjectNode organization = role.putObject("organization").put("display", registrator.virksomhet());
            if (registrator.orgnr() != null) {
                organization.putObject("identifier").put("system", OrganisationNumber.OID).put("value", registrator.orgnr());
            }
        }
        String display = registrator.virksomhet() == null ? registrator.navn()
                : registrator.navn() + ", " + registrator.virksomhet();
        resource.putObject("recorder").put("reference", "#recorder").put("display", display);
    }

    private static void category(ObjectNode resource, String code) {
        resource.putArray("category").addObject().putArray("coding").addObject()
                .put("system", KATEGORI_SYSTEM).put("code", code);
    }

    private static ObjectNode codeableConcept(String kodeverk, String code, String text) {
        ObjectNode concept = Json.object();
        if (code != null) {
            ObjectNode coding = concept.putArray("coding").addObject();
            String system = kodeverk == null ? null : CODE_SYSTEMS.get(kodeverk);
            if (system != null) {
                coding.put("system", system);
            }
            coding.put("code", code).put("display", text);
        }
        concept.put("text", text);
        return concept;
    }

    private static String criticality(String alvorlighet) {
        return switch (alvorlighet) {
            case "Livstruende", "Alvorlig" -> "high";
            case "Ukjent" -> "unable-to-assess";
            default -> "low";
        };
    }

    private ObjectNode resource(String type, String id) {
        return Json.object().put("resourceType", type).put("id", id == null ? UUID.randomUUID().toString() : id);
    }

    private void add(ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "urn:uuid:" + resource.get("id").asText());
        entry.set("resource", resource);
        entry.putObject("search").put("mode", "match");
    }
}
