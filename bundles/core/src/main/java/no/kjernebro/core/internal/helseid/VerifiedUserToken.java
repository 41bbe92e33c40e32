package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;

/** The claims of a user token whose signature, issuer, audience, lifetime and security level were checked. */
public record VerifiedUserToken(JsonNode claims) {

    public static final String HPR_NUMBER = "helseid://claims/hpr/hpr_number";
    public static final String PID = "helseid://claims/identity/pid";
    public static final String SECURITY_LEVEL = "helseid://claims/identity/security_level";

    /** The HPR number, or null (case workers have none). */
    public String hprNumber() {
        return text(HPR_NUMBER);
    }

    public String subject() {
        return text("sub");
    }

    private String text(String claim) {
        JsonNode value = claims.get(claim);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    @Override
    public String toString() {
        // the pid claim is a national identity number: never in a log line
        return "VerifiedUserToken[sub=" + subject() + ", hpr=" + hprNumber() + "]";
    }
}
