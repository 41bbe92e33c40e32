package no.kjernebro.api.summary;

import java.util.List;

/** What the patient registered on helsenorge.no. */
public record EgneRegistreringer(List<String> kommunikasjonsbehov, List<String> sykdommer, String annet) {
    public EgneRegistreringer {
        kommunikasjonsbehov = kommunikasjonsbehov == null ? List.of() : List.copyOf(kommunikasjonsbehov);
        sykdommer = sykdommer == null ? List.of() : List.copyOf(sykdommer);
    }
}
