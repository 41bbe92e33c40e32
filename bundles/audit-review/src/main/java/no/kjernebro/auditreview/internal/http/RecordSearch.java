package no.kjernebro.auditreview.internal.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Outcome;

/**
 * A validated record search: the {@link AuditQuery}, the format asked for in the parameters (if any)
 * and the filters in words for the auditor's own audit record (identity number masked).
 */
record RecordSearch(AuditQuery query, String format, String words) {

    private static final Set<String> FILTERS = Set.of("kommune", "helsepersonell", "actor", "adapter", "fra", "til",
            "utfall", "tilgangsgrunnlag", "tjeneste", "type", "etter", "antall", "nyeste-forst", "format");
    private static final Set<String> PATIENT = Set.of("pasient", "fnr");
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("(?i)json|csv|fhir");

    /** From a GET query string: every filter but the patient, whose number never goes in a URL. */
    static RecordSearch fromQuery(Map<String, String> query, PageSizes sizes) {
        for (String name : PATIENT) {
            if (query.containsKey(name)) {
                throw ApiProblem.badRequest("a national identity number must never be sent in a URL: search by "
                        + "patient with POST /records/search and {\"pasient\":\"...\"} in a JSON body");
            }
        }
        return parse(new Parameters(query, FILTERS), sizes);
    }

    /** From a POST /records/search JSON body: every filter, the patient included. */
    static RecordSearch fromBody(Map<String, String> body, PageSizes sizes) {
        Set<String> known = new TreeSet<>(FILTERS);
        known.addAll(PATIENT);
        if (body.containsKey("pasient") && body.containsKey("fnr")) {
            throw ApiProblem.badRequest("give the patient as pasient or fnr, not both");
        }
        return parse(new Parameters(body, known), sizes);
    }

    private static RecordSearch parse(Parameters p, PageSizes sizes) {
        if (p.has("helsepersonell") && p.has("actor")) {
            throw ApiProblem.badRequest("give the health worker as helsepersonell or actor, not both");
        }
        String patient = p.has("pasient") ? p.raw("pasient") : p.raw("fnr");
        if (patient != null && !NationalIdentityNumber.isValid(patient)) {
            throw ApiProblem.badRequest("pasient is not a valid national identity number (11 digits with valid "
                    + "check digits)");
        }
        String chain = p.matching("kommune", Parameters.CHAIN, "a kommunenummer (4 digits) or "
                + AuditEntry.SYSTEM_CHAIN);
        String actorName = p.has("actor") ? "actor" : "helsepersonell";
        String actor = p.matching(actorName, Parameters.ACTOR, "an HPR number, HelseID subject or user name "
                + "(letters, digits and . _ @ : -)");
        String adapter = p.matching("adapter", Parameters.ADAPTER, "an adapter id (letters, digits and . _ -)");
        String accessBasis = p.matching("tilgangsgrunnlag", Parameters.CODE, "an access basis code such as HPAKUTT");
        String serviceContext = p.matching("tjeneste", Parameters.CODE, "a service context code such as "
                + "HJEMMETJENESTE");
        Instant from = p.moment("fra", false);
        Instant to = p.moment("til", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("fra must be before til");
        }
        Outcome outcome = p.oneOf("utfall", Outcome.class);
        Set<AuditEntry.EventType> types = p.someOf("type", AuditEntry.EventType.class);
        long after = p.number("etter", 0, Long.MAX_VALUE, 0);
        int limit = (int) p.number("antall", 1, sizes.max(), sizes.standard());
        boolean newestFirst = p.flag("nyeste-forst");
        String format = p.matching("format", FORMAT, "json, csv or fhir");

        AuditQuery query = new AuditQuery(chain, patient, actor, adapter, from, to, outcome, accessBasis,
                serviceContext, types, after, limit, newestFirst);
        List<String> words = new ArrayList<>();
        add(words, "kommune", chain);
        add(words, "pasient", patient == null ? null : NationalIdentityNumber.mask(patient));
        add(words, "helsepersonell", actor);
        add(words, "adapter", adapter);
        add(words, "fra", from);
        add(words, "til", to);
        add(words, "utfall", outcome);
        add(words, "tilgangsgrunnlag", accessBasis);
        add(words, "tjeneste", serviceContext);
        add(words, "type", types.isEmpty() ? null : types);
        add(words, "etter", after == 0 ? null : after);
        words.add("antall=" + limit);
        if (newestFirst) {
            words.add("nyeste først");
        }
        return new RecordSearch(query, format, String.join(", ", words));
    }

    private static void add(List<String> words, String name, Object value) {
        if (value != null) {
            words.add(name + "=" + Words.maskIdentityNumbers(value.toString()));
        }
    }

    /**
     * Page sizes the API allows.
     *
     * @param standard when none is asked for
     * @param max the most one page may hold
     */
    record PageSizes(int standard, int max) {
        PageSizes {
            max = Math.max(1, Math.min(max, AuditQuery.MAX_LIMIT));
            standard = Math.max(1, Math.min(standard, max));
        }
    }
}
