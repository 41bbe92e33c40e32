package no.kjernebro.simulator.internal.http;

import java.util.Arrays;
import java.util.Optional;

/** The national APIs the simulator stands in for, as named in fault injection and statistics. */
public enum Api {
    HELSEID_TOKEN("helseid-token", false),
    HELSEINDIKATOR("helseindikator", false),
    FHIR("fhir", true),
    LEGEMIDLER("legemidler", false),
    LEGEMIDDELVARSLING("legemiddelvarsling", false),
    AUDIT("audit", true);

    private final String id;
    private final boolean fhir;

    Api(String id, boolean fhir) {
        this.id = id;
        this.fhir = fhir;
    }

    /** The name used on the wire ({@code "api":"fhir"}). */
    public String id() {
        return id;
    }

    /** True when the API answers errors with a FHIR OperationOutcome rather than OAuth-style JSON. */
    public boolean fhir() {
        return fhir;
    }

    /** True for the four kjernejournal APIs (what the old {@code /sim/faults} form applied to). */
    public boolean kjernejournal() {
        return this == HELSEINDIKATOR || this == FHIR || this == LEGEMIDLER || this == LEGEMIDDELVARSLING;
    }

    public static Optional<Api> of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
