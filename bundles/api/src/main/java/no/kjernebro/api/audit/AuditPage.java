package no.kjernebro.api.audit;

import java.util.List;

/**
 * One page of search results.
 *
 * @param records the records, in the query's order
 * @param nextCursor pass as {@link AuditQuery#after()} for the next page; 0 when this is the last page
 * @since 1.2
 */
public record AuditPage(List<StoredAuditRecord> records, long nextCursor) {
    public AuditPage {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public boolean hasMore() {
        return nextCursor > 0;
    }
}
