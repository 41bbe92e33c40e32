package no.kjernebro.adapter.forvaltningfil.internal.json;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why the case worker looks the patient up: the steps of an allocation case. */
public enum Formaal {
    /** assessing an application for a municipal health and care service. */
    VURDERING_AV_TJENESTE,
    /** deciding and allocating the service. */
    TILDELING_AV_TJENESTE,
    /** reviewing an existing decision (vedtak). */
    REVURDERING_AV_VEDTAK,
    /** handling an appeal. */
    KLAGEBEHANDLING;

    static Optional<Formaal> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
