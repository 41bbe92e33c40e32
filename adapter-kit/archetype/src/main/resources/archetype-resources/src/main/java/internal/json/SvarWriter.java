package ${package}.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;

/**
 * Renders an allowed outcome. The answer names the patient: it goes back to the EPJ that treats them.
 * A section's key is present exactly when the section was granted, so the EPJ can tell "not granted"
 * (absent) from "nothing registered" (empty). {@code fullstendig} and {@code merknader} say whether
 * everything kjernejournal sent could be shown.
 */
public final class SvarWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SvarWriter() {
    }

    public static byte[] write(LookupOutcome outcome) {
        ObjectNode root = JSON.createObjectNode();
        root.put("meldingsId", outcome.correlationId());
        root.put("loggreferanse", outcome.auditReference());
        root.put("merketForEtterkontroll", outcome.markedForReview());
        ArrayNode deler = root.putArray("deler");
        for (Section section : Section.values()) {
            if (outcome.sections().contains(section)) {
                deler.add(section.name());
            }
        }
        PatientSummary summary = outcome.summary();
        if (summary != null) {
            ObjectNode pasient = root.putObject("pasient");
            pasient.put("fodselsnummer", summary.patientId());
            if (summary.helseindikator() != null) {
                pasient.put("status", summary.helseindikator().status());
                pasient.put("statustekst", summary.helseindikator().returTekst());
            }
            sections(root, summary);
            merknader(root, summary);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written", e);
        }
    }

    private static void sections(ObjectNode root, PatientSummary s) {
        if (s.sections().contains(Section.PERSONALIA) && s.personalia() != null) {
            Personalia p = s.personalia();
            root.putObject("personalia").put("fornavn", p.givenName()).put("etternavn", p.familyName())
                    .put("fodselsdato", text(p.birthDate())).put("kjonn", p.gender()).put("adresse", p.address())
                    .put("postnummer", p.postalCode()).put("poststed", p.city()).put("sivilstand", p.civilStatus());
        }
        if (s.sections().contains(Section.FASTLEGE) && s.fastlege() != null) {
            Fastlege f = s.fastlege();
            root.putObject("fastlege").put("navn", f.name()).put("hprNummer", f.hprNumber())
                    .put("legekontor", f.practiceName()).put("telefon", f.phone());
        }
        if (s.sections().contains(Section.PAARORENDE)) {
            ArrayNode list = root.putArray("paarorende");
            for (Paarorende p : s.paarorende()) {
                list.addObject().put("navn", p.name()).put("relasjon", p.relation()).put("telefon", p.phone())
                        .put("kontaktperson", p.contactPerson());
            }
        }
        if (s.sections().contains(Section.LEGEMIDLER)) {
            Legemidler legemidler = s.legemidler();
            ObjectNode node = root.putObject("legemidler");
            node.put("lasteResepterSkjult", legemidler != null && legemidler.lasteResepterSkjult());
            ArrayNode list = node.putArray("oppforinger");
            for (Legemiddel l : legemidler == null ? java.util.List.<Legemiddel>of() : legemidler.items()) {
                list.addObject().put("kategori", text(l.kategori())).put("navn", l.name()).put("atc", l.atcCode())
                        .put("styrke", l.strength()).put("dosering", l.dosage()).put("status", text(l.status()))
                        .put("multidose", l.multidose()).put("rekvirert", text(l.prescribed()))
                        .put("utlevert", text(l.dispensed()));
            }
        }
        if (s.sections().contains(Section.KRITISK_INFORMASJON)) {
            ArrayNode list = root.putArray("kritiskInformasjon");
            for (KritiskInformasjon k : s.kritiskInformasjon()) {
                list.addObject().put("kategori", text(k.kategori())).put("kode", k.code())
                        .put("beskrivelse", k.description()).put("alvorlighet", k.severity())
                        .put("registrert", text(k.registered())).put("registrertAv", k.registeredBy());
            }
        }
        if (s.sections().contains(Section.VAKSINER)) {
            ArrayNode list = root.putArray("vaksiner");
            for (Vaksine v : s.vaksiner()) {
                list.addObject().put("navn", v.name()).put("kode", v.code()).put("dato", text(v.date()));
            }
        }
        if (s.sections().contains(Section.BESOKSHISTORIKK)) {
            ArrayNode list = root.putArray("besokshistorikk");
            for (Besok b : s.besokshistorikk()) {
                list.addObject().put("institusjon", b.institution()).put("avdeling", b.department())
                        .put("type", b.type()).put("fra", text(b.from())).put("til", text(b.to()));
            }
        }
        if (s.sections().contains(Section.EGNE_REGISTRERINGER) && s.egneRegistreringer() != null) {
            EgneRegistreringer e = s.egneRegistreringer();
            ObjectNode node = root.putObject("egneRegistreringer");
            e.kommunikasjonsbehov().forEach(node.putArray("kommunikasjonsbehov")::add);
            e.sykdommer().forEach(node.putArray("sykdommer")::add);
            node.put("annet", e.annet());
        }
    }

    /**
     * Whether the summary is complete and, when not, why. Code, section, text and resource type only: the
     * raw upstream content ({@code Merknad.innhold}) may hold data of sections the policy did not grant.
     */
    private static void merknader(ObjectNode root, PatientSummary s) {
        root.put("fullstendig", s.fullstendig());
        ArrayNode list = root.putArray("merknader");
        for (Merknad m : s.merknader()) {
            ObjectNode entry = list.addObject();
            entry.put("kode", m.kode() == null ? "UKJENT" : m.kode());
            if (m.seksjon() != null) {
                entry.put("seksjon", m.seksjon().name());
            }
            entry.put("tekst", m.tekst() == null || m.tekst().isBlank()
                    ? "Kjernejournal sendte noe som ikke kan vises her." : m.tekst());
            if (m.ressurstype() != null) {
                entry.put("ressurstype", m.ressurstype());
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
