package no.kjernebro.auditreview.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
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

/** An in-memory audit trail that searches the way the audit bundle promises to. */
public final class FakeAuditTrail implements AuditTrail {

    public final List<StoredAuditRecord> records = new ArrayList<>();
    public final Map<String, ChainVerification> verifications = new LinkedHashMap<>();
    public final List<AuditQuery> queries = new ArrayList<>();
    public final List<String> purges = new ArrayList<>();
    public ForwardingStatus forwarding = new ForwardingStatus(true, "http://localhost:8190/fhir/AuditEvent", 0, null, 0, 0, null);
    public boolean down;
    private long seq;

    /** Appends like the store: next global sequence, next position in the chain. */
    public StoredAuditRecord add(AuditEntry entry) {
        seq++;
        long chainSeq = records.stream().filter(r -> r.chain().equals(entry.chain())).count() + 1;
        StoredAuditRecord r = new StoredAuditRecord(seq, entry.chain(), chainSeq, String.format("KJB-%012d", seq), entry,
                "0".repeat(64), String.format("%064x", seq));
        records.add(r);
        return r;
    }

    @Override
    public AuditPage search(AuditQuery q) throws AuditUnavailableException {
        check();
        queries.add(q);
        List<StoredAuditRecord> hits = records.stream()
                .filter(r -> q.chain() == null || q.chain().equals(r.chain()))
                .filter(r -> q.patientId() == null || q.patientId().equals(r.entry().patientId()))
                .filter(r -> q.actorId() == null || q.actorId().equals(r.entry().actorId()))
                .filter(r -> q.adapterId() == null || q.adapterId().equals(r.entry().adapterId()))
                .filter(r -> q.from() == null || !r.entry().time().isBefore(q.from()))
                .filter(r -> q.to() == null || r.entry().time().isBefore(q.to()))
                .filter(r -> q.outcome() == null || q.outcome() == r.entry().outcome())
                .filter(r -> q.accessBasis() == null || q.accessBasis().equals(r.entry().accessBasis()))
                .filter(r -> q.serviceContext() == null || q.serviceContext().equals(r.entry().serviceContext()))
                .filter(r -> q.types().isEmpty() || q.types().contains(r.entry().type()))
                .filter(r -> q.after() == 0 || (q.newestFirst() ? r.seq() < q.after() : r.seq() > q.after()))
                .sorted(q.newestFirst() ? Comparator.comparingLong(StoredAuditRecord::seq).reversed()
                        : Comparator.comparingLong(StoredAuditRecord::seq))
                .toList();
        List<StoredAuditRecord> page = hits.stream().limit(q.limit()).toList();
        long next = hits.size() > q.limit() ? page.get(page.size() - 1).seq() : 0;
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
        TreeSet<String> chains = new TreeSet<>(verifications.keySet());
        records.forEach(r -> chains.add(r.chain()));
        return List.copyOf(chains);
    }

    @Override
    public ChainVerification verify(String chain) throws AuditUnavailableException {
        check();
        return verifications.getOrDefault(chain, new ChainVerification(chain, true, 0, 0, 0,
                ChainVerification.Problem.NONE, 0, null, "intact", null));
    }

    @Override
    public AuditCheckpoint checkpoint(String chain) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditCheckpoint> checkpoints(String chain, int limit) {
        return List.of();
    }

    @Override
    public PurgeReport purgeExpired(String chain, String operator) throws AuditUnavailableException {
        check();
        purges.add(chain + " by " + operator);
        AuditCheckpoint anchor = new AuditCheckpoint(chain, 120, "ab".repeat(32), 120,
                Instant.parse("2015-01-01T00:00:00Z"), "k1", "SHA256withECDSA", "c2ln");
        return new PurgeReport(chain, Instant.parse("2015-01-01T00:00:00Z"), 120, 120, anchor, "KJB-000000000999");
    }

    @Override
    public ForwardingStatus forwarding() throws AuditUnavailableException {
        check();
        return forwarding;
    }

    private void check() throws AuditUnavailableException {
        if (down) {
            throw new AuditUnavailableException("audit store down", null);
        }
    }

    /** Records of one type, for assertions. */
    public List<AuditEntry> entries(AuditEntry.EventType type) {
        return records.stream().map(StoredAuditRecord::entry).filter(e -> e.type() == type && Objects.nonNull(e)).toList();
    }
}
