package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;

/**
 * Writes the granted sections of a result. The allocation office normally gets the first three; the
 * others are rendered too so that a municipality's policy override is honoured rather than dropped.
 */
final class OpplysningerWriter {

    private OpplysningerWriter() {
    }

    static void write(ObjectNode out, PatientSummary s) {
        if (s.sections().contains(Section.PERSONALIA)) {
            personalia(out.putObject("personalia"), s.personalia());
        }
        if (s.sections().contains(Section.FASTLEGE)) {
            fastlege(out.putObject("fastlege"), s.fastlege());
        }
        if (s.sections().contains(Section.PAARORENDE)) {
            paarorende(out.putArray("paarorende"), s.paarorende());
        }
        if (s.sections().contains(Section.LEGEMIDLER)) {
            legemidler(out.putObject("legemidler"), s.legemidler());
        }
        if (s.sections().contains(Section.KRITISK_INFORMASJON)) {
            kritiskInformasjon(out.putArray("kritiskInformasjon"), s.kritiskInformasjon());
        }
        if (s.sections().contains(Section.VAKSINER)) {
            vaksiner(out.putArray("vaksiner"), s.vaksiner());
        }
        if (s.sections().contains(Section.BESOKSHISTORIKK)) {
            besok(out.putArray("besokshistorikk"), s.besokshistorikk());
        }
        if (s.sections().contains(Section.EGNE_REGISTRERINGER)) {
            egne(out.putObject("egneRegistreringer"), s.egneRegistreringer());
        }
    }

    private static void personalia(ObjectNode o, Personalia p) {
        if (p == null) {
            return;
        }
        JsonOut.put(o, "fornavn", p.givenName());
        JsonOut.put(o, "etternavn", p.familyName());
        JsonOut.put(o, "fodselsdato", p.birthDate());
        JsonOut.put(o, "kjonn", p.gender());
        JsonOut.put(o, "sivilstand", p.civilStatus());
        ObjectNode adresse = o.putObject("adresse");
        JsonOut.put(adresse, "gateadresse", p.address());
        JsonOut.put(adresse, "postnummer", p.postalCode());
        JsonOut.put(adresse, "poststed", p.city());
    }

    private static void fastlege(ObjectNode o, Fastlege f) {
        if (f == null) {
            return;
        }
        JsonOut.put(o, "navn", f.name());
        JsonOut.put(o, "hprNummer", f.hprNumber());
        JsonOut.put(o, "legekontor", f.practiceName());
        JsonOut.put(o, "organisasjonsnummer", f.practiceOrgnr());
        JsonOut.put(o, "telefon", f.phone());
    }

    private static void paarorende(ArrayNode a, List<Paarorende> people) {
        for (Paarorende p : people) {
            ObjectNode o = a.addObject();
            JsonOut.put(o, "navn", p.name());
            JsonOut.put(o, "relasjon", p.relation());
            JsonOut.put(o, "telefon", p.phone());
            JsonOut.put(o, "kontaktperson", p.contactPerson());
        }
    }

    private static void legemidler(ObjectNode o, Legemidler legemidler) {
        if (legemidler == null) {
            return;
        }
        JsonOut.put(o, "lasteResepterSkjult", legemidler.lasteResepterSkjult());
        ArrayNode items = o.putArray("oppforinger");
        for (Legemiddel l : legemidler.items()) {
            ObjectNode e = items.addObject();
            JsonOut.put(e, "kategori", l.kategori() == null ? Legemiddel.Kategori.LEGEMIDDEL : l.kategori());
            JsonOut.put(e, "navn", l.name());
            JsonOut.put(e, "atcKode", l.atcCode());
            JsonOut.put(e, "styrke", l.strength());
            JsonOut.put(e, "dosering", l.dosage());
            JsonOut.put(e, "status", l.status());
            JsonOut.put(e, "multidose", l.multidose());
            JsonOut.put(e, "rekvirert", l.prescribed());
            JsonOut.put(e, "utlevert", l.dispensed());
            JsonOut.put(e, "rekvirent", l.prescriber());
        }
    }

    private static void kritiskInformasjon(ArrayNode a, List<KritiskInformasjon> entries) {
        for (KritiskInformasjon k : entries) {
            ObjectNode o = a.addObject();
            JsonOut.put(o, "kategori", k.kategori());
            JsonOut.put(o, "kode", k.code());
            JsonOut.put(o, "beskrivelse", k.description());
            JsonOut.put(o, "alvorlighet", k.severity());
            JsonOut.put(o, "registrert", k.registered());
            JsonOut.put(o, "registrertAv", k.registeredBy());
        }
    }

    private static void vaksiner(ArrayNode a, List<Vaksine> vaksiner) {
        for (Vaksine v : vaksiner) {
            ObjectNode o = a.addObject();
            JsonOut.put(o, "navn", v.name());
            JsonOut.put(o, "kode", v.code());
            JsonOut.put(o, "dato", v.date());
            JsonOut.put(o, "sattAv", v.givenBy());
        }
    }

    private static void besok(ArrayNode a, List<Besok> besok) {
        for (Besok b : besok) {
            ObjectNode o = a.addObject();
            JsonOut.put(o, "institusjon", b.institution());
            JsonOut.put(o, "avdeling", b.department());
            JsonOut.put(o, "type", b.type());
            JsonOut.put(o, "fra", b.from());
            JsonOut.put(o, "til", b.to());
        }
    }

    private static void egne(ObjectNode o, EgneRegistreringer e) {
        if (e == null) {
            return;
        }
        ArrayNode behov = o.putArray("kommunikasjonsbehov");
        e.kommunikasjonsbehov().forEach(behov::add);
        ArrayNode sykdommer = o.putArray("sykdommer");
        e.sykdommer().forEach(sykdommer::add);
        JsonOut.put(o, "annet", e.annet());
    }
}
