package no.kjernebro.api.sweep;

import java.util.List;

/**
 * One page of a sweep's findings, in a stable order.
 *
 * @param nextPageToken opaque; pass it to get the next page; null on the last page. It never contains
 *        an identity number, so it may travel in a URL.
 */
public record FindingsPage(String sweepId, List<SweepFinding> findings, String nextPageToken) {
    public FindingsPage {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
