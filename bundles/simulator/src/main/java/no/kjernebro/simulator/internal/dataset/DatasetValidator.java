package no.kjernebro.simulator.internal.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.identity.OrganisationNumber;

/**
 * Checks the rules Jackson cannot: identity numbers valid and synthetic, organisation numbers
 * checksum-valid, codes from the documented sets, dates parseable. Every problem is collected so
 * one activation failure lists them all. Identity numbers in messages are masked.
 */
final class DatasetValidator {

    private static final Set<String> KATEGORIER = Set.of("ALLERGI", "KOMPLIKASJON_ANESTESI", "KRITISK_TILSTAND",
            "BEHANDLING_IMPLANTAT", "ENDRET_BEHANDLINGSRUTINE", "SMITTE");
    private static final Set<String> KODEVERK = Set.of("ATC", "ICD-10", "SNOMED-CT");
    private static final Set<String> ALVORLIGHET = Set.of("Livstruende", "Alvorlig", "Moderat", "Lav", "Ukjent");
    private static final Set<String> LEGEMIDDEL_KATEGORIER = Set.of("LEGEMIDDEL", "NAERINGSMIDDEL", "FORBRUKSMATERIELL");
    private static final Set<String> LEGEMIDDEL_STATUS = Set.of("UTLEVERT", "GYLDIG_IKKE_UTLEVERT", "SEPONERT");
    private static final Set<String> BESOK_KLASSER = Set.of("AMB", "IMP", "EMER");
    private static final Set<String> ROLLER = Set.of("HELSEPERSONELL", "SAKSBEHANDLER");
    private static final Set<String> MODULER = Set.of(Pasient.MODUL_KRITISK_INFO, Pasient.MODUL_LEGEMIDLER);

    private final List<String> problems = new ArrayList<>();

    private DatasetValidator() {
    }

    static void validate(Dataset dataset, String source) {
        DatasetValidator validator = new DatasetValidator();
        validator.personell(dataset.personell());
        validator.pasienter(dataset.pasienter());
        if (!validator.problems.isEmpty()) {
            throw new DatasetException("Simulator dataset " + source + " has " + validator.problems.size()
                    + " problem(s): " + String.join("; ", validator.problems));
        }
    }

    private void personell(List<Dataset.Person> personell) {
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < personell.size(); i++) {
            Dataset.Person p = personell.get(i);
            String where = "personell[" + i + "]";
            required(where + ".subject", p.subject());
            required(where + ".navn", p.navn());
            syntheticFnr(where + ".pid", p.pid());
            oneOf(where + ".rolle", p.rolle(), ROLLER);
            if ("HELSEPERSONELL".equals(p.rolle()) && (p.hprNumber() == null || p.profesjon() == null)) {
                problems.add(where + ": a health worker needs hprNumber and profesjon");
            }
            if (p.subject() != null && !subjects.add(p.subject())) {
                problems.add(where + ".subject is not unique");
            }
        }
    }

    private void pasienter(List<Pasient> pasienter) {
        if (pasienter.isEmpty()) {
            problems.add("pasienter is empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pasienter.size(); i++) {
            Pasient p = pasienter.get(i);
            String where = "pasienter[" + i + "]";
            syntheticFnr(where + ".fnr", p.fnr());
            if (p.fnr() != null && !seen.add(p.fnr())) {
                problems.add(where + ".fnr " + NationalIdentityNumber.mask(p.fnr()) + " appears twice");
            }
            required(where + ".fornavn", p.fornavn());
            required(where + ".etternavn", p.etternavn());
            if (p.fastlege() != null) {
                orgnr(where + ".fastlege.orgnr", p.fastlege().orgnr());
            }
            kritiskInfo(where, p.kritiskInfo());
            egenregistreringer(where, p.egenregistreringer());
            for (int v = 0; v < p.vaksiner().size(); v++) {
                date(where + ".vaksiner[" + v + "].dato", p.vaksiner().get(v).dato());
            }
            for (int b = 0; b < p.besok().size(); b++) {
                Pasient.Besok besok = p.besok().get(b);
                oneOf(where + ".besok[" + b + "].klasse", besok.klasse(), BESOK_KLASSER);
                dateTime(where + ".besok[" + b + "].fra", besok.fra());
                if (besok.til() != null) {
                    dateTime(where + ".besok[" + b + "].til", besok.til());
                }
            }
            legemidler(where, p.legemidler());
            for (int m = 0; m < p.sperredeModuler().size(); m++) {
                oneOf(where + ".sperredeModuler[" + m + "]", p.sperredeModuler().get(m), MODULER);
            }
        }
    }

    private void kritiskInfo(String where, List<Pasient.KritiskInfo> entries) {
        for (int k = 0; k < entries.size(); k++) {
            Pasient.KritiskInfo info = entries.get(k);
            String at = where + ".kritiskInfo[" + k + "]";
            oneOf(at + ".kategori", info.kategori(), KATEGORIER);
            oneOf(at + ".alvorlighet", info.alvorlighet(), ALVORLIGHET);
            if (info.kodeverk() != null) {
                oneOf(at + ".kodeverk", info.kodeverk(), KODEVERK);
            }
            required(at + ".tekst", info.tekst());
            dateTime(at + ".registrert", info.registrert());
            if (info.registrertAv() != null && info.registrertAv().orgnr() != null) {
                orgnr(at + ".registrertAv.orgnr", info.registrertAv().orgnr());
            }
        }
    }

    private void egenregistreringer(String where, Pasient.Egenregistreringer egne) {
        for (int s = 0; s < egne.sykdommer().size(); s++) {
            date(where + ".egenregistreringer.sykdommer[" + s + "].registrert", egne.sykdommer().get(s).registrert());
        }
        for (int k = 0; k < egne.kommunikasjonsbehov().size(); k++) {
            date(where + ".egenregistreringer.kommunikasjonsbehov[" + k + "].registrert",
                    egne.kommunikasjonsbehov().get(k).registrert());
        }
        for (int r = 0; r < egne.parorende().size(); r++) {
            oneOf(where + ".egenregistreringer.parorende[" + r + "].type", egne.parorende().get(r).type(),
                    Set.of("N", "C"));
        }
    }

    private void legemidler(String where, List<Pasient.Legemiddel> legemidler) {
        for (int l = 0; l < legemidler.size(); l++) {
            Pasient.Legemiddel lm = legemidler.get(l);
            String at = where + ".legemidler[" + l + "]";
            oneOf(at + ".kategori", lm.kategori(), LEGEMIDDEL_KATEGORIER);
            oneOf(at + ".status", lm.status(), LEGEMIDDEL_STATUS);
            required(at + ".navn", lm.navn());
            date(at + ".rekvirert", lm.rekvirert());
            if (lm.utlevert() != null) {
                date(at + ".utlevert", lm.utlevert());
            }
        }
    }

    private void syntheticFnr(String where, String value) {
        var parsed = NationalIdentityNumber.parse(value);
        if (parsed.isEmpty()) {
            problems.add(where + " " + NationalIdentityNumber.mask(value) + " is not a valid identity number");
        } else if (!parsed.get().synthetic()) {
            problems.add(where + " " + NationalIdentityNumber.mask(value) + " is not synthetic (month + 80)");
        }
    }

    private void orgnr(String where, String value) {
        if (!OrganisationNumber.isValid(value)) {
            problems.add(where + " '" + value + "' is not a checksum-valid organisation number");
        }
    }

    private void required(String where, String value) {
        if (value == null || value.isBlank()) {
            problems.add(where + " is missing");
        }
    }

    private void oneOf(String where, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(where + " '" + value + "' is not one of " + allowed);
        }
    }

    private void date(String where, String value) {
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(where + " '" + value + "' is not an ISO date");
        }
    }

    private void dateTime(String where, String value) {
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(where + " '" + value + "' is not an ISO offset date-time");
        }
    }
}
