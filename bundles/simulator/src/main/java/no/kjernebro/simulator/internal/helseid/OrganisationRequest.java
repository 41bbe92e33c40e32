package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;

/**
 * The organisation a token request names in a {@code helseid_authorization} detail (RFC 9396 rich
 * authorization request), as HelseID documents it: a multi-tenant client names the parent, and
 * optionally a child unit, as {@code urn:oid:1.0.6523} {@code NO:ORGNR:<parent>[:<child>]}; a
 * single-tenant client may name a child unit as {@code urn:oid:2.16.578.1.12.4.1.4.101} {@code <child>}.
 *
 * @param parent the parent organisation, or null when only a child was named
 * @param child the child unit, or null
 */
record OrganisationRequest(String parent, String child) {

    static final String MULTI_TENANT_SYSTEM = "urn:oid:1.0.6523";
    static final String ORGNR_PREFIX = "NO:ORGNR:";

    /**
     * Reads the detail from a JSON value (object or array, or their text as in the form parameter).
     *
     * @return null when there is no {@code helseid_authorization} detail
     * @throws HttpProblem 400 {@code invalid_authorization_details} for a detail that cannot be read
     */
    static OrganisationRequest from(JsonNode details) {
        if (details == null || details.isNull()) {
            return null;
        }
        if (details.isTextual()) {
            if (details.asText().isBlank()) {
                return null;
            }
            try {
                details = Json.MAPPER.readTree(details.asText());
            } catch (Exception e) {
                throw invalid("authorization_details is not JSON");
            }
        }
        if (details.isObject()) {
            details = Json.MAPPER.createArrayNode().add(details);
        }
        if (!details.isArray()) {
            throw invalid("authorization_details must be an object or an array of objects");
        }
        for (JsonNode detail : details) {
            if ("helseid_authorization".equals(detail.path("type").asText())) {
                return parse(detail.path("practitioner_role").path("organization").path("identifier"));
            }
        }
        return null;
    }

    private static OrganisationRequest parse(JsonNode identifier) {
        String value = identifier.path("value").asText("");
        if (value.startsWith(ORGNR_PREFIX)) {
            String[] parts = value.substring(ORGNR_PREFIX.length()).split(":", -1);
            if (parts.length > 2) {
                throw invalid("organization identifier must be NO:ORGNR:<parent>[:<child>]");
            }
            String parent = orgnr(parts[0]);
            String child = parts.length == 2 && !parts[1].isEmpty() ? orgnr(parts[1]) : null;
            return new OrganisationRequest(parent, child);
        }
        if (value.matches("\\d{9}") && !MULTI_TENANT_SYSTEM.equals(identifier.path("system").asText())) {
            return new OrganisationRequest(null, orgnr(value));
        }
        throw invalid("organization identifier must be NO:ORGNR:<parent>[:<child>] (system " + MULTI_TENANT_SYSTEM
                + ") or a child unit's organisation number (system urn:oid:2.16.578.1.12.4.1.4.101)");
    }

    private static String orgnr(String value) {
        if (!OrganisationNumber.isValid(value)) {
            throw invalid("organisation number " + value + " is not valid");
        }
        return value;
    }

    static HttpProblem invalid(String description) {
        return HttpProblem.oauth(400, "invalid_authorization_details", description);
    }
}
