package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

/** Writes the granted kjernejournal sections of a {@code KjernejournalSvar}, in the schema's order. */
final class SectionsWriter {

    private static final String UNKNOWN_CATEGORY = "UKJENT";

    private SectionsWriter() {
    }

    static void write(XmlOut out, PatientSummary summary, Set<Section> granted) {
        if (granted.contains(Section.PERSONALIA)) {
            personalia(out, summary.personalia());
        }
        if (granted.contains(Section.FASTLEGE)) {
            fastlege(out, summary.fastlege());
        }
        if (granted.contains(Section.PAARORENDE)) {
            paarorende(out, summary.paarorende());
        }
        if (granted.contains(Section.LEGEMIDLER)) {
            legemidler(out, summary.legemidler());
        }
        if (granted.contains(Section.KRITISK_INFORMASJON)) {
            kritiskInformasjon(out, summary.kritiskInformasjon());
        }
        if (granted.contains(Section.VAKSINER)) {
            vaksiner(out, summary.vaksiner());
        }
        if (granted.contains(Section.BESOKSHISTORIKK)) {
            besokshistorikk(out, summary.besokshistorikk());
        }
        if (granted.contains(Section.EGNE_REGISTRERINGER)) {
            egneRegistreringer(out, summary.egneRegistreringer());
        }
    }

    private static void personalia(XmlOut out, Personalia p) {
        out.start("Personalia");
        if (p != null) {
            out.element("Fornavn", p.givenName())
                    .element("Etternavn", p.familyName())
                    .element("Fodselsdato", p.birthDate())
                    .element("Kjonn", p.gender())
                    .element("Adresse", p.address())
                    .element("Postnummer", p.postalCode())
                    .element("Poststed", p.city())
                    .element("Sivilstand", p.civilStatus());
        }
        out.end();
    }

    private static void fastlege(XmlOut out, Fastlege f) {
        out.start("Fastlege");
        if (f != null) {
            out.element("Navn", f.name())
                    .element("HprNummer", f.hprNumber())
                    .element("Legekontor", f.practiceName())
                    .element("Organisasjonsnummer", f.practiceOrgnr())
                    .element("Telefon", f.phone());
        }
        out.end();
    }

    private static void paarorende(XmlOut out, List<Paarorende> people) {
        out.start("Paarorende");
        for (Paarorende p : people) {
            out.start("Person")
                    .element("Navn", p.name())
                    .element("Relasjon", p.relation())
                    .element("Telefon", p.phone())
                    .element("Kontaktperson", p.contactPerson())
                    .end();
        }
        out.end();
    }

    // Nutrition products and consumables on prescription are listed apart from medicines, as
    // kjernejournal shows them; an entry without a category is shown as a medicine rather than lost.
    private static void legemidler(XmlOut out, Legemidler legemidler) {
        out.start("Legemidler");
        if (legemidler != null) {
            out.element("LasteResepterSkjult", legemidler.lasteResepterSkjult());
            out.start("Legemiddelliste");
            for (Legemiddel l : legemidler.items()) {
                if (l.kategori() == null || l.kategori() == Legemiddel.Kategori.LEGEMIDDEL) {
                    oppforing(out, l);
                }
            }
            out.end();
            kategori(out, "Naeringsmidler", legemidler.ofKategori(Legemiddel.Kategori.NAERINGSMIDDEL));
            kategori(out, "Forbruksmateriell", legemidler.ofKategori(Legemiddel.Kategori.FORBRUKSMATERIELL));
        }
        out.end();
    }

    private static void kategori(XmlOut out, String element, List<Legemiddel> items) {
        out.start(element);
        items.forEach(l -> oppforing(out, l));
        out.end();
    }

    private static void oppforing(XmlOut out, Legemiddel l) {
        out.start("Oppforing")
                .element("Navn", l.name())
                .element("AtcKode", l.atcCode())
                .element("Styrke", l.strength())
                .element("Dosering", l.dosage())
                .element("Status", l.status() == null ? null : l.status().name())
                .element("Multidose", l.multidose())
                .element("Rekvirert", l.prescribed())
                .element("Utlevert", l.dispensed())
                .element("Rekvirent", l.prescriber())
                .end();
    }

    private static void kritiskInformasjon(XmlOut out, List<KritiskInformasjon> entries) {
        Map<String, List<KritiskInformasjon>> byCategory = new TreeMap<>(SectionsWriter::categoryOrder);
        for (KritiskInformasjon k : entries) {
            String kode = k.kategori() == null ? UNKNOWN_CATEGORY : k.kategori().name();
            byCategory.computeIfAbsent(kode, x -> new ArrayList<>()).add(k);
        }
        out.start("KritiskInformasjon");
        byCategory.forEach((kode, list) -> {
            out.start("Kategori").attribute("kode", kode);
            for (KritiskInformasjon k : list) {
                out.start("Oppforing")
                        .element("Kode", k.code())
                        .element("Beskrivelse", k.description())
                        .element("Alvorlighet", k.severity())
                        .element("Registrert", k.registered())
                        .element("RegistrertAv", k.registeredBy())
                        .end();
            }
            out.end();
        });
        out.end();
    }

    // Categories in kjernejournal's own order (allergies first), unknown ones last.
    private static int categoryOrder(String a, String b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(String kode) {
        for (KritiskInformasjon.Kategori k : KritiskInformasjon.Kategori.values()) {
            if (k.name().equals(kode)) {
                return k.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static void vaksiner(XmlOut out, List<Vaksine> vaksiner) {
        out.start("Vaksiner");
        for (Vaksine v : vaksiner) {
            out.start("Vaksine")
                    .element("Navn", v.name())
                    .element("Kode", v.code())
                    .element("Dato", v.date())
                    .element("SattAv", v.givenBy())
                    .end();
        }
        out.end();
    }

    private static void besokshistorikk(XmlOut out, List<Besok> besok) {
        out.start("Besokshistorikk");
        for (Besok b : besok) {
            out.start("Besok")
                    .element("Institusjon", b.institution())
                    .element("Avdeling", b.department())
                    .element("Type", b.type())
                    .element("Fra", b.from())
                    .element("Til", b.to())
                    .end();
        }
        out.end();
    }

    private static void egneRegistreringer(XmlOut out, EgneRegistreringer e) {
        out.start("EgneRegistreringer");
        if (e != null) {
            e.kommunikasjonsbehov().forEach(k -> out.element("Kommunikasjonsbehov", k));
            e.sykdommer().forEach(s -> out.element("Sykdom", s));
            out.element("Annet", e.annet());
        }
        out.end();
    }
}
