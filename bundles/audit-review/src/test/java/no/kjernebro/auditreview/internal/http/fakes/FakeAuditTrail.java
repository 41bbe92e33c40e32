package no.kjernebro.auditreview.internal.http.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ForwardingStatus;
import no.kjernebro.api.audit.PurgeReport;
import no.kjernebro.api.audit.StoredAuditRecord;

/** An in-memory audit trail that filters like the real one and remembers the queries it got. */
public final class FakeAuditTrail implements AuditTrail {

    public final List<StoredAuditRecord> records = new ArrayList<>();
    public final List<AuditQuery> queries = new ArrayList<>();
    public boolean unavailable;

    public StoredAuditRecord add(AuditEntry entry) {
        long seq = records.size() + 1;
        long chainSeq = records.stream().filter(r -> r.chain().equals(entry.chain())).count() + 1;
        StoredAuditRecord record = new StoredAuditRecord(seq, entry.chain(), chainSeq,
                String.format("KJB-%012d", seq), entry, "0".repeat(64), String.format("%064x", seq));
        records.add(record);
        return record;
    }

    @Override
    public synchronized AuditPage search(AuditQuery q) throws AuditUnavailableException {
        check();
        queries.add(q);
        Predicate<StoredAuditRecord> match = r -> {
            AuditEntry e = r.entry();
            return (q.chain() == null || q.chain().equals(r.chain()))
                    && (q.patientId() == null || q.patientId().equals(e.patientId()))
                    && (q.actorId() == null || q.actorId().equals(e.actorId()))
                    && (q.adapterId() == null || q.adapterId().equals(e.adapterId()))
                    && (q.from() == null || !e.time().isBefore(q.from()))
                    && (q.to() == null || e.time().isBefore(q.to()))
                    && (q.outcome() == null || q.outcome() == e.outcome())
                    && (q.accessBasis() == null || q.accessBasis().equals(e.accessBasis()))
                    && (q.serviceContext() == null || q.serviceContext().equals(e.serviceContext()))
                    && (q.types().isEmpty() || q.types().contains(e.type()))
                    && (q.after() == 0 || (q.newestFirst() ? r.seq() < q.after() : r.seq() > q.after()));
        };
        Comparator<StoredAuditRecord> order = Comparator.comparingLong(StoredAuditRecord::seq);
        List<StoredAuditRecord> all = records.stream().filter(match)
                .sorted(q.newestFirst() ? order.reversed() : order).toList();
        List<StoredAuditRecord> page = all.subList(0, Math.min(q.limit(), all.size()));
        long next = all.size() > q.limit() ? page.get(page.size() - 1).seq() : 0;
        return new AuditPage(page, next);
    }

    @Override
    public Optional<StoredAuditRecord> find(String reference) throws AuditUnavailableException {
        check();
        return records.stream().filter(r -> r.reference().equals(reference)).findFirst();
    }

    @Override
    public List<String> chains() throws AuditUnavailableException {
        check();
        return records.stream().map(StoredAuditRecord::chain).distinct().sorted().toList();
    }

    @Override
    public ChainVerification verify(String chain) throws AuditUnavailableException {
        check();
        long n = records.stream().filter(r -> r.chain().equals(chain)).count();
        return new ChainVerification(chain, true, n, 1, n, ChainVerification.Problem.NONE, 0, null,
                "chain " + chain + " is intact", checkpointOf(chain));
    }

    @Override
    public AuditCheckpoint checkpoint(String chain) throws AuditUnavailableException {
        check();
        return checkpointOf(chain);
    }

    @Override
    public List<AuditCheckpoint> checkpoints(String chain, int limit) throws AuditUnavailableException {
        check();
        return List.of(checkpointOf(chain));
    }

    @Override
    public PurgeReport purgeExpired(String chain, String operator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ForwardingStatus forwarding() throws AuditUnavailableException {
        check();
        return new ForwardingStatus(true, "http://localhost:8190/fhir/AuditEvent", 3, Instant.parse("2026-11-01T10:00:00Z"),
                1, 42, "connection refused");
    }

    private AuditCheckpoint checkpointOf(String chain) {
        return new AuditCheckpoint(chain, 1, "ab".repeat(32), 1, Instant.parse("2026-11-01T00:00:00Z"), "k1",
                "SHA256withECDSA", "c2lnbmF0dXJl");
    }

    private void check() throws AuditUnavailableException {
        if (unavailable) {
            throw new AuditUnavailableException("store down", null);
        }
    }

    public AuditQuery lastQuery() {
        return Objects.requireNonNull(queries.isEmpty() ? null : queries.get(queries.size() - 1), "no query yet");
    }
}
