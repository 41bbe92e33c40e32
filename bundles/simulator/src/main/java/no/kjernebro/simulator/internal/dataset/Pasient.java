package no.kjernebro.simulator.internal.dataset;

import java.util.List;
import java.util.Optional;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * One patient of the dataset. Birth date and gender are not stored: they follow from the identity
 * number, so the two can never disagree.
 *
 * @param reservert the patient reserved against kjernejournal (Helseindikator status 1)
 * @param blokkertHelsepersonell HPR numbers of health workers the patient has blocked
 * @param kritiskInfo critical information, allergies included
 * @param egenregistreringer what the patient registered themselves (next of kin included)
 * @param sperredeModuler modules the patient restricted ({@value #MODUL_KRITISK_INFO},
 *        {@value #MODUL_LEGEMIDLER}): shared only when the request states the patient's consent there and then
 */
public record Pasient(
        String fnr,
        String fornavn,
        String etternavn,
        String sivilstand,
        Adresse adresse,
        boolean reservert,
        List<String> blokkertHelsepersonell,
        Fastlege fastlege,
        List<KritiskInfo> kritiskInfo,
        Egenregistreringer egenregistreringer,
        List<Vaksine> vaksiner,
        List<Besok> besok,
        List<Legemiddel> legemidler,
        List<String> sperredeModuler) {

    public static final String MODUL_KRITISK_INFO = "KRITISK_INFO";
    public static final String MODUL_LEGEMIDLER = "LEGEMIDLER";

    public Pasient {
        sperredeModuler = sperredeModuler == null ? List.of() : List.copyOf(sperredeModuler);
        blokkertHelsepersonell = blokkertHelsepersonell == null ? List.of() : List.copyOf(blokkertHelsepersonell);
        kritiskInfo = kritiskInfo == null ? List.of() : List.copyOf(kritiskInfo);
        egenregistreringer = egenregistreringer == null ? Egenregistreringer.NONE : egenregistreringer;
        vaksiner = vaksiner == null ? List.of() : List.copyOf(vaksiner);
        besok = besok == null ? List.of() : List.copyOf(besok);
        legemidler = legemidler == null ? List.of() : List.copyOf(legemidler);
    }

    public NationalIdentityNumber identity() {
        return NationalIdentityNumber.parse(fnr).orElseThrow();
    }

    /** FHIR administrative gender: the third digit of the individual number is odd for men. */
    public String gender() {
        return (fnr.charAt(8) - '0') % 2 == 1 ? "male" : "female";
    }

    public boolean harBlokkertHelsepersonell() {
        return !blokkertHelsepersonell.isEmpty();
    }

    public boolean harSperret(String modul) {
        return sperredeModuler.contains(modul);
    }

    public boolean harLasteResepter() {
        return legemidler.stream().anyMatch(Legemiddel::laast);
    }

    public Optional<Fastlege> fastlegeOptional() {
        return Optional.ofNullable(fastlege);
    }

    public record Adresse(String linje, String postnummer, String poststed) {
    }

    /** The patient's GP and the GP office (legekontor) with its organisation number. */
    public record Fastlege(String navn, String hpr, String legekontor, String orgnr, String telefon) {
    }

    /**
     * Who recorded a piece of critical information.
     *
     * @param virksomhet the organisation the recorder worked for
     */
    public record Registrator(String navn, String hpr, String virksomhet, String orgnr) {
    }

    /**
     * One entry of critical information.
     *
     * @param kategori ALLERGI or one of the FHIR Condition categories (KOMPLIKASJON_ANESTESI, ...)
     * @param kodeverk ATC, ICD-10 or SNOMED-CT: the code system of {@code kode}
     * @param alvorlighet severity in Norwegian: Livstruende, Alvorlig, Moderat, Lav, Ukjent
     * @param registrert when it was recorded, ISO offset date-time
     */
    public record KritiskInfo(String kategori, String kode, String kodeverk, String tekst, String alvorlighet,
                              String registrert, Registrator registrertAv) {
    }

    public record Egenregistreringer(List<Sykdom> sykdommer, List<Kommunikasjonsbehov> kommunikasjonsbehov,
                                     List<Parorende> parorende) {

        static final Egenregistreringer NONE = new Egenregistreringer(null, null, null);

        public Egenregistreringer {
            sykdommer = sykdommer == null ? List.of() : List.copyOf(sykdommer);
            kommunikasjonsbehov = kommunikasjonsbehov == null ? List.of() : List.copyOf(kommunikasjonsbehov);
            parorende = parorende == null ? List.of() : List.copyOf(parorende);
        }

        public boolean isEmpty() {
            return sykdommer.isEmpty() && kommunikasjonsbehov.isEmpty() && parorende.isEmpty();
        }
    }

    /** An illness the patient registered; {@code kode} is ICD-10 and optional. */
    public record Sykdom(String tekst, String kode, String registrert) {
    }

    public record Kommunikasjonsbehov(String tekst, String registrert) {
    }

    /**
     * Next of kin or contact person.
     *
     * @param type {@code N} next of kin (nærmeste pårørende), {@code C} contact person
     */
    public record Parorende(String navn, String relasjon, String type, String telefon) {
    }

    /** @param atc ATC code of the vaccine; {@code dato} ISO date */
    public record Vaksine(String navn, String atc, String dato, String utfortAv) {
    }

    /**
     * A contact with specialist health services.
     *
     * @param klasse FHIR encounter class: AMB, IMP (inpatient) or EMER
     * @param fra ISO offset date-time
     * @param til ISO offset date-time, null while ongoing
     */
    public record Besok(String sted, String type, String klasse, String fra, String til) {
    }

    /**
     * A prescription or dispensing.
     *
     * @param kategori LEGEMIDDEL, NAERINGSMIDDEL or FORBRUKSMATERIELL
     * @param status UTLEVERT, GYLDIG_IKKE_UTLEVERT or SEPONERT
     * @param rekvirert ISO date of prescription
     * @param utlevert ISO date of dispensing, null when not dispensed
     * @param laast a locked prescription (låst resept), hidden unless the caller asks for locked ones
     */
    public record Legemiddel(String kategori, String navn, String atc, String styrke, String dosering, String status,
                             boolean multidose, String rekvirert, String utlevert, String rekvirent, boolean laast) {
    }
}
