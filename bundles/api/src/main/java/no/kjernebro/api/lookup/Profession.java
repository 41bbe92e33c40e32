package no.kjernebro.api.lookup;

import java.util.Optional;

/** Health personnel categories from HPR (code system 2.16.578.1.12.4.1.1.9060). */
public enum Profession {
    LE("lege"),
    SP("sykepleier"),
    VP("vernepleier"),
    FA1("provisorfarmasøyt"),
    FA2("reseptarfarmasøyt"),
    HF("helsefagarbeider"),
    JO("jordmor"),
    PS("psykolog"),
    FT("fysioterapeut"),
    ET("ergoterapeut"),
    AA("ambulansearbeider"),
    HE("helsesekretær"),
    TL("tannlege"),
    BV("bioingeniør");

    /** OID of the HPR profession code system. */
    public static final String CODE_SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.9060";

    private final String norwegianName;

    Profession(String norwegianName) {
        this.norwegianName = norwegianName;
    }

    public String norwegianName() {
        return norwegianName;
    }

    /** The code as HPR spells it. */
    public String code() {
        return name();
    }

    /** Looks a code up, case-sensitively, as HPR spells it. */
    public static Optional<Profession> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Profession p : values()) {
            if (p.name().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
