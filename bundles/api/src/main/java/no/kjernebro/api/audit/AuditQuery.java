package no.kjernebro.api.audit;

import java.time.Instant;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Outcome;

/**
 * A search of the audit log. Every filter is optional (null or empty means "any"); all given filters
 * must match. Paging is by cursor: pass the page's {@link AuditPage#nextCursor()} as {@code after}.
 *
 * @param chain kommunenummer (or {@link AuditEntry#SYSTEM_CHAIN})
 * @param patientId the patient's national identity number, exact
 * @param actorId HPR number, HelseID subject, operator or auditor name, exact
 * @param adapterId adapter id, exact
 * @param from records at or after this time
 * @param to records before this time
 * @param outcome allowed, refused or failed
 * @param accessBasis samtykke code, exact (e.g. {@code HPAKUTT})
 * @param serviceContext service context, exact
 * @param types event types; empty means all
 * @param after cursor: only records after this global sequence number in the query's order (0 = start)
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param newestFirst order by sequence descending
 * @since 1.2
 */
public record AuditQuery(
        String chain,
        String patientId,
        String actorId,
        String adapterId,
        Instant from,
        Instant to,
        Outcome outcome,
        String accessBasis,
        String serviceContext,
        Set<AuditEntry.EventType> types,
        long after,
        int limit,
        boolean newestFirst) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Everything, oldest first, default page size. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, Set.of(), 0, DEFAULT_LIMIT, false);
    }

    public AuditQuery chain(String value) {
        return new AuditQuery(value, patientId, actorId, adapterId, from, to, outcome, accessBasis, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery patient(String value) {
        return new AuditQuery(chain, value, actorId, adapterId, from, to, outcome, accessBasis, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery actor(String value) {
        return new AuditQuery(chain, patientId, value, adapterId, from, to, outcome, accessBasis, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery adapter(String value) {
        return new AuditQuery(chain, patientId, actorId, value, from, to, outcome, accessBasis, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery period(Instant fromTime, Instant toTime) {
        return new AuditQuery(chain, patientId, actorId, adapterId, fromTime, toTime, outcome, accessBasis, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery outcome(Outcome value) {
        return new AuditQuery(chain, patientId, actorId, adapterId, from, to, value, accessBasis, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery accessBasis(String value) {
        return new AuditQuery(chain, patientId, actorId, adapterId, from, to, outcome, value, serviceContext, types, after, limit, newestFirst);
    }

    public AuditQuery serviceContext(String value) {
        return new AuditQuery(chain, patientId, actorId, adapterId, from, to, outcome, accessBasis, value, types, after, limit, newestFirst);
    }

    public AuditQuery types(Set<AuditEntry.EventType> value) {
        return new AuditQuery(chain, patientId, actorId, adapterId, from, to, outcome, accessBasis, serviceContext, value, after, limit, newestFirst);
    }

    public AuditQuery page(long afterCursor, int pageSize) {
        return new AuditQuery(chain, patientId, actorId, adapterId, from, to, outcome, accessBasis, serviceContext, types, afterCursor, pageSize, newestFirst);
    }

    public AuditQuery newestFirst(boolean value) {
        return new AuditQuery(chain, patientId, actorId, adapterId, from, to, outcome, accessBasis, serviceContext, types, after, limit, value);
    }

    @Override
    public String toString() {
        return "AuditQuery[chain=" + chain + ", patient=" + NationalIdentityNumber.mask(patientId) + ", actor=" + actorId
                + ", adapter=" + adapterId + ", from=" + from + ", to=" + to + ", outcome=" + outcome
                + ", accessBasis=" + accessBasis + ", serviceContext=" + serviceContext + ", types=" + types
                + ", after=" + after + ", limit=" + limit + ", newestFirst=" + newestFirst + "]";
    }
}
