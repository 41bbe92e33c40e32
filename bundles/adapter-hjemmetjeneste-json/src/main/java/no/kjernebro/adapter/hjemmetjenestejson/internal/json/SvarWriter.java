package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.IOException;
import no.kjernebro.api.lookup.LookupOutcome;
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
 * Renders an allowed lookup in the vendor's JSON. A part is present exactly when it was granted
 * (listed in {@code included}), so the handheld can tell "not granted" (absent) from "nothing
 * registered" (empty). {@code fullstendig} says whether the summary is complete, {@code merknader} why not.
 */
public final class SvarWriter {

    private static final String UKJENT_MERKNAD = "UKJENT";
    private static final String UKJENT_TEKST = "Kjernejournal sendte noe som ikke kan vises her.";

    private SvarWriter() {
    }

    public static byte[] write(LookupOutcome outcome) {
        PatientSummary s = outcome.summary();
        return JsonOut.object(out -> {
            out.text("requestId", outcome.correlationId()).text("auditRef", outcome.auditReference())
                    .bool("needsReview", outcome.markedForReview());
            out.startArray("included");
            for (Section section : Section.values()) {
                if (outcome.sections().contains(section)) {
                    out.string(Inkluder.of(section).key());
                }
            }
            out.endArray();
            if (s == null) {
                return;
            }
            patient(out, s);
            kjStatus(out, s.helseindikator());
            if (s.sections().contains(Section.FASTLEGE)) {
                fastlege(out, s.fastlege());
            }
            if (s.sections().contains(Section.PAARORENDE)) {
                out.startArray(Inkluder.PAARORENDE.key());
                for (Paarorende p : s.paarorende()) {
                    out.startObject().text("name", p.name()).text("relation", p.relation()).text("phone", p.phone())
                            .bool("isContactPerson", p.contactPerson()).endObject();
                }
                out.endArray();
            }
            if (s.sections().contains(Section.LEGEMIDLER)) {
                medisiner(out, s.legemidler());
            }
            if (s.sections().contains(Section.KRITISK_INFORMASJON)) {
                out.startArray(Inkluder.KRITISK_INFO.key());
                for (KritiskInformasjon k : s.kritiskInformasjon()) {
                    out.startObject().text("kategori", k.kategori()).text("code", k.code())
                            .text("description", k.description()).text("severity", k.severity())
                            .text("registeredDate", k.registered()).text("registeredBy", k.registeredBy()).endObject();
                }
                out.endArray();
            }
            if (s.sections().contains(Section.VAKSINER)) {
                out.startArray(Inkluder.VAKSINER.key());
                for (Vaksine v : s.vaksiner()) {
                    out.startObject().text("name", v.name()).text("atcCode", v.code()).text("date", v.date())
                            .text("givenBy", v.givenBy()).endObject();
                }
                out.endArray();
            }
            if (s.sections().contains(Section.BESOKSHISTORIKK)) {
                out.startArray(Inkluder.BESOK.key());
                for (Besok b : s.besokshistorikk()) {
                    out.startObject().text("institution", b.institution()).text("department", b.department())
                            .text("type", b.type()).text("from", b.from()).text("to", b.to()).endObject();
                }
                out.endArray();
            }
            if (s.sections().contains(Section.EGNE_REGISTRERINGER)) {
                egne(out, s.egneRegistreringer());
            }
            merknader(out, s);
        });
    }

    /**
     * {@code fullstendig} always; {@code merknader} lists what kjernejournal sent that could not be shown
     * (empty when complete). Only code, part, text and resource type: the raw upstream content
     * ({@link Merknad#innhold()}) may hold data of parts the policy did not grant and is never sent.
     */
    private static void merknader(JsonOut out, PatientSummary s) throws IOException {
        out.bool("fullstendig", s.fullstendig());
        out.startArray("merknader");
        for (Merknad m : s.merknader()) {
            out.startObject().text("kode", m.kode() == null ? UKJENT_MERKNAD : m.kode())
                    .text("seksjon", m.seksjon() == null ? null : Inkluder.of(m.seksjon()).key())
                    .text("tekst", m.tekst() == null || m.tekst().isBlank() ? UKJENT_TEKST : m.tekst())
                    .text("ressurstype", m.ressurstype()).endObject();
        }
        out.endArray();
    }

    // personnummer always (the handheld matches the answer to its patient); the rest only with PERSONALIA
    private static void patient(JsonOut out, PatientSummary s) throws IOException {
        out.startObject("patient").text("personnummer", s.patientId());
        Personalia p = s.sections().contains(Section.PERSONALIA) ? s.personalia() : null;
        if (p != null) {
            out.text("firstName", p.givenName()).text("lastName", p.familyName()).text("birthDate", p.birthDate())
                    .text("gender", p.gender()).text("maritalStatus", p.civilStatus());
            out.startObject("address").text("street", p.address()).text("postCode", p.postalCode())
                    .text("city", p.city()).endObject();
        }
        out.endObject();
    }

    private static void kjStatus(JsonOut out, Helseindikator h) throws IOException {
        if (h == null) {
            return;
        }
        out.startObject("kjStatus").number("code", h.status()).text("text", h.returTekst())
                .bool("blockedPersonnel", h.eksistererBlokkertHelsepersonell())
                .bool("lockedPrescriptions", h.harLasteResepter()).bool("hasMedications", h.harLegemidler())
                .text("criticalInfoChangedAt", h.sistEndretKritiskInfoDato());
        out.startArray("criticalInfoChanges");
        for (Helseindikator.KategoriEndret k : h.sistEndretKritiskInfo()) {
            out.startObject().text("kategori", k.kategori()).text("changedAt", k.sistEndret()).endObject();
        }
        out.endArray().endObject();
    }

    private static void fastlege(JsonOut out, Fastlege f) throws IOException {
        if (f == null) {
            out.nullField(Inkluder.FASTLEGE.key());
            return;
        }
        out.startObject(Inkluder.FASTLEGE.key()).text("name", f.name()).text("hprNr", f.hprNumber())
                .text("practice", f.practiceName()).text("practiceOrgNr", f.practiceOrgnr()).text("phone", f.phone())
                .endObject();
    }

    private static void medisiner(JsonOut out, Legemidler l) throws IOException {
        out.startObject(Inkluder.MEDISINER.key()).bool("lockedHidden", l != null && l.lasteResepterSkjult());
        out.startArray("items");
        if (l != null) {
            for (Legemiddel m : l.items()) {
                out.startObject().text("kategori", m.kategori()).text("name", m.name()).text("atcCode", m.atcCode())
                        .text("strength", m.strength()).text("dosage", m.dosage()).text("status", m.status())
                        .bool("multidose", m.multidose()).text("prescribedDate", m.prescribed())
                        .text("dispensedDate", m.dispensed()).text("prescriber", m.prescriber()).endObject();
            }
        }
        out.endArray().endObject();
    }

    private static void egne(JsonOut out, EgneRegistreringer e) throws IOException {
        if (e == null) {
            out.nullField(Inkluder.EGNE_REGISTRERINGER.key());
            return;
        }
        out.startObject(Inkluder.EGNE_REGISTRERINGER.key());
        out.startArray("communicationNeeds");
        for (String k : e.kommunikasjonsbehov()) {
            out.string(k);
        }
        out.endArray().startArray("conditions");
        for (String sykdom : e.sykdommer()) {
            out.string(sykdom);
        }
        out.endArray().text("other", e.annet()).endObject();
    }
}
