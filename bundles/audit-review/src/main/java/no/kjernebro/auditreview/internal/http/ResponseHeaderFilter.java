package no.kjernebro.auditreview.internal.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Only the headers this API means to send leave it; request headers (Authorization above all) are
 * never echoed back, and callers cannot set Camel's internal headers.
 */
final class ResponseHeaderFilter implements HeaderFilterStrategy {

    private static final Set<String> OUTGOING = Set.of("content-type", "cache-control", "x-content-type-options",
            "www-authenticate", "allow", "retry-after", "link", "x-next-cursor", "content-disposition");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !OUTGOING.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName.regionMatches(true, 0, "camel", 0, 5);
    }
}
