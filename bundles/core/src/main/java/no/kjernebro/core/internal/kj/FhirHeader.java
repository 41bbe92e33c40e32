package no.kjernebro.core.internal.kj;

import java.util.ArrayList;
import java.util.List;

/**
 * One header of the critical-information call and where its value comes from. NHN's header set has
 * changed over API generations ({@code X-kj-ticket} / {@code KJ-SAMTYKKE-*}, then {@code nhn-*}, then
 * {@code hit-*}); configuration {@code fhir.headers} names the set, e.g.
 * {@code X-kj-ticket=ticket,KJ-SAMTYKKE-BRUK=samtykkeVedAvvik,KJ-SAMTYKKE-SPERRET-KRITISKINFO=sperretKritiskInfo}.
 */
record FhirHeader(String name, Source source) {

    /** Where a header's value comes from. A header whose value is absent is not sent. */
    enum Source {
        /** the Helseindikator ticket. */
        TICKET("ticket"),
        /** the access basis code (HPMOTTATTSAMTYKKE, HPAKUTT, HPUNNTAK). */
        SAMTYKKE("samtykke"),
        /** the access basis code, only when the ticket was not issued with it (KJ-SAMTYKKE-BRUK overrides). */
        SAMTYKKE_VED_AVVIK("samtykkeVedAvvik"),
        /** "true", only when the patient consented to showing restricted critical information. */
        SPERRET_KRITISKINFO("sperretKritiskInfo"),
        /** the user's HPR profession code (the HIT API wants the user's active role). */
        BRUKERROLLE("brukerrolle"),
        /** the patient's identity number: a header, never a URL. */
        PASIENT("pasient"),
        /** the calling EPJ system (name and version). */
        EPJ_SYSTEM("epjSystem"),
        /** the lookup's correlation id (hit-event-id, a trace id). */
        HENDELSE("hendelse");

        private final String configName;

        Source(String configName) {
            this.configName = configName;
        }

        static Source of(String name) {
            for (Source s : values()) {
                if (s.configName.equalsIgnoreCase(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown header source '" + name + "'");
        }
    }

    /** The classic kjernejournal set (docs/contracts.md). */
    static final String DEFAULT = "X-kj-ticket=ticket,KJ-SAMTYKKE-BRUK=samtykkeVedAvvik,"
            + "KJ-SAMTYKKE-SPERRET-KRITISKINFO=sperretKritiskInfo";

    /** Set by the HTTP client or by the call itself, never by configuration. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("authorization", "dpop", "host",
            "connection", "content-length", "expect", "upgrade", "accept", "x-correlation-id");

    static List<FhirHeader> parse(String spec) {
        List<FhirHeader> headers = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("fhir.headers: '" + p + "' is not <Header-Name>=<source>");
            }
            String name = p.substring(0, eq).trim();
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException("fhir.headers: '" + name + "' is not a header name");
            }
            if (RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("fhir.headers: '" + name + "' is set by the client itself");
            }
            try {
                headers.add(new FhirHeader(name, Source.of(p.substring(eq + 1).trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fhir.headers: " + e.getMessage());
            }
        }
        return List.copyOf(headers);
    }

    @Override
    public String toString() {
        return name + "=" + source.configName;
    }
}
