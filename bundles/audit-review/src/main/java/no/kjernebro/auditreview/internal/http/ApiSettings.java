package no.kjernebro.auditreview.internal.http;

import java.time.Duration;

/**
 * The auditor API's settings, from {@code no.kjernebro.auditreview}.
 *
 * @param host interface to listen on
 * @param port port to listen on
 * @param pageSizes default and largest page
 * @param realm JAAS realm logins are checked against
 * @param role the role an auditor must have
 * @param maxBodyBytes largest request body accepted
 * @param loginBackoff first back-off after a failed login (doubles per failure)
 * @param maxLoginBackoff longest back-off
 */
public record ApiSettings(String host, int port, RecordSearch.PageSizes pageSizes, String realm, String role,
                          int maxBodyBytes, Duration loginBackoff, Duration maxLoginBackoff) {

    public static final String BASE_PATH = "/kjernebro/audit/v1";

    public ApiSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http.port must be between 0 and 65535");
        }
        if (maxBodyBytes < 256) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 256");
        }
    }

    public static ApiSettings of(String host, int port, int defaultPageSize, int maxPageSize, String realm,
                                 String role, int maxBodyBytes, long loginBackoffMs, long maxLoginBackoffMs) {
        return new ApiSettings(host, port, new RecordSearch.PageSizes(defaultPageSize, maxPageSize), realm, role,
                maxBodyBytes, Duration.ofMillis(loginBackoffMs), Duration.ofMillis(maxLoginBackoffMs));
    }
}
