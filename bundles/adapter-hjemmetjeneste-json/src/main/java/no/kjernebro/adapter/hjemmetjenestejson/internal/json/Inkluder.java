package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import no.kjernebro.api.lookup.Section;

/** The vendor's names for the parts of a kjernejournal ({@code include} in requests, keys in answers). */
public enum Inkluder {
    PERSONALIA("personalia", Section.PERSONALIA),
    FASTLEGE("fastlege", Section.FASTLEGE),
    PAARORENDE("parorende", Section.PAARORENDE),
    MEDISINER("medisiner", Section.LEGEMIDLER),
    KRITISK_INFO("kritiskInfo", Section.KRITISK_INFORMASJON),
    VAKSINER("vaksiner", Section.VAKSINER),
    BESOK("besok", Section.BESOKSHISTORIKK),
    EGNE_REGISTRERINGER("egneRegistreringer", Section.EGNE_REGISTRERINGER);

    private final String key;
    private final Section section;

    Inkluder(String key, Section section) {
        this.key = key;
        this.section = section;
    }

    public String key() {
        return key;
    }

    public Section section() {
        return section;
    }

    static Optional<Inkluder> fromKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    public static Inkluder of(Section section) {
        return Arrays.stream(values()).filter(i -> i.section == section).findFirst().orElseThrow();
    }

    static String keys() {
        return Arrays.stream(values()).map(Inkluder::key).collect(Collectors.joining(", "));
    }
}
