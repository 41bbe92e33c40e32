package no.kjernebro.api.lookup;

/**
 * Stable reasons for anything but a full answer. Adapters render them in their own error format;
 * the suggested HTTP status is what an HTTP adapter should answer with.
 */
public enum ErrorCode {
    MALFORMED_MESSAGE(400, "the message could not be parsed"),
    INVALID_REQUEST(400, "a required field is missing or has the wrong form"),
    PAYLOAD_TOO_LARGE(413, "the message is larger than the adapter accepts"),
    UNSUPPORTED_MEDIA_TYPE(415, "the content type is not accepted"),
    MISSING_CREDENTIAL(401, "no credential was presented"),
    BAD_CREDENTIAL(401, "the credential is not valid for this municipality"),
    UNKNOWN_TENANT(403, "the municipality is not known to Kjernebro"),
    TENANT_DISABLED(403, "the municipality is disabled"),
    ADAPTER_NOT_ENABLED(403, "the municipality has not enabled this adapter"),
    INVALID_PATIENT_ID(422, "the national identity number is not valid"),
    UNKNOWN_PROFESSION(422, "the profession code is not an HPR code"),
    UNKNOWN_ACCESS_BASIS(422, "the access basis is not a kjernejournal samtykke code"),
    UNKNOWN_SERVICE_CONTEXT(422, "the service context is not known"),
    INVALID_USER(422, "the user identity is incomplete"),
    MISSING_USER_TOKEN(401, "the user's HelseID access token is missing"),
    USER_TOKEN_INVALID(401, "the user's HelseID access token is not valid (signature, issuer, audience, expiry or security level)"),
    USER_TOKEN_MISMATCH(403, "the user token does not belong to the user named in the request"),
    PROFESSION_NOT_ALLOWED(403, "the access policy does not let this profession look up kjernejournal here"),
    ACCESS_BASIS_NOT_ALLOWED(403, "the access policy does not allow this access basis here"),
    NO_SECTIONS_ALLOWED(403, "none of the wanted sections is allowed"),
    PATIENT_BLOCKED_PERSONNEL(403, "the patient has blocked health personnel; kjernejournal shares no clinical data"),
    KJERNEJOURNAL_REJECTED(502, "kjernejournal refused the request"),
    TOO_MANY_REQUESTS(429, "too many lookups for this municipality or kjernejournal right now; try again shortly"),
    KJERNEJOURNAL_UNAVAILABLE(503, "kjernejournal or HelseID could not be reached in time"),
    AUDIT_UNAVAILABLE(503, "the audit log is unavailable; no lookup is made without a record"),
    SERVICE_UNAVAILABLE(503, "Kjernebro is not ready to serve lookups"),
    INTERNAL_ERROR(500, "an unexpected error occurred");

    private final int httpStatus;
    private final String description;

    ErrorCode(int httpStatus, String description) {
        this.httpStatus = httpStatus;
        this.description = description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String description() {
        return description;
    }
}
