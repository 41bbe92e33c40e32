package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success, thrown from deep inside an endpoint and turned into an HTTP response
 * by {@link ErrorResponder}. Carrying the finished body keeps each endpoint in charge of its own
 * error format (OAuth JSON, FHIR OperationOutcome).
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient JsonNode body;
    private final String contentType;
    private final String wwwAuthenticate;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpProblem(int status, JsonNode body, String contentType, String wwwAuthenticate) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    /** 401 with a DPoP challenge (RFC 9449 §7.1), e.g. {@code invalid_dpop_proof} or {@code use_dpop_nonce}. */
    public static HttpProblem dpopChallenge(String error, String description, String algs) {
        return new HttpProblem(401, Json.error(error, description), Responses.JSON,
                "DPoP error=\"" + error + "\", error_description=\"" + description.replace("\"", "'")
                        + "\", algs=\"" + algs + "\"");
    }

    /** 401 with a bearer challenge naming another error (e.g. RFC 9470 {@code insufficient_user_authentication}). */
    public static HttpProblem unauthorized(String error, String description) {
        return new HttpProblem(401, Json.error(error, description), Responses.JSON,
                "Bearer error=\"" + error + "\"");
    }

    /** Any answer with a ready body (fault injection). */
    public static HttpProblem of(int status, JsonNode body, String contentType) {
        return new HttpProblem(status, body, contentType, null);
    }

    /** Adds a response header (e.g. {@code DPoP-Nonce}, {@code Retry-After}). */
    public HttpProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Extra response headers besides {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** An OAuth-style {@code {"error":..., "error_description":...}} answer. */
    public static HttpProblem oauth(int status, String error, String description) {
        return new HttpProblem(status, Json.error(error, description), Responses.JSON, null);
    }

    /** 401 with the bearer challenge RFC 6750 asks for. */
    public static HttpProblem invalidToken(String description) {
        return new HttpProblem(401, Json.error("invalid_token", description), Responses.JSON,
                "Bearer error=\"invalid_token\"");
    }

    /** A FHIR OperationOutcome answer. */
    public static HttpProblem fhir(int status, String code, String diagnostics) {
        return new HttpProblem(status, Json.operationOutcome(code, diagnostics), Responses.FHIR_JSON, null);
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    /** The value of a {@code WWW-Authenticate} header, or null. */
    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
