package no.kjernebro.core.internal.varsling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.Legemiddelvarsling;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingException;
import no.kjernebro.api.varsling.VarslingForesporsel;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.kj.LegemiddelvarslingClient;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legemiddelvarsling for one municipality's batch: (a) the batch is well formed and within the
 * service's maximum, (b) the tenant is known and enabled and has the adapter enabled, (c) invalid
 * identity numbers are answered "no kjernejournal" without asking, (d) the rest go to kjernejournal in
 * one request, (e) every patient of the batch gets a record, all committed with one
 * {@link AuditLog#appendAll} call, (f) only then is the answer returned. Without committed records
 * there is no answer. The batch is never split: the caller batches.
 */
@Component(name = "no.kjernebro.legemiddelvarsling", service = Legemiddelvarsling.class)
public final class LegemiddelvarslingService implements Legemiddelvarsling {

    private static final Logger LOG = LoggerFactory.getLogger(LegemiddelvarslingService.class);

    @Reference
    private TenantDirectory tenants;

    @Reference
    private LegemiddelvarslingClient kjernejournal;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog auditLog;

    private final Clock clock;

    public LegemiddelvarslingService() {
        this.clock = Clock.systemUTC();
    }

    LegemiddelvarslingService(TenantDirectory tenants, LegemiddelvarslingClient kjernejournal, AuditLog auditLog,
                              Clock clock) {
        this.tenants = tenants;
        this.kjernejournal = kjernejournal;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public int maxBatchSize() {
        return kjernejournal.maxBatchSize();
    }

    @Override
    public List<VarslingSvar> sjekk(VarslingForesporsel foresporsel) throws VarslingException {
        long started = System.nanoTime();
        requireWellFormed(foresporsel);
        String correlationId = foresporsel.correlationId() == null || foresporsel.correlationId().isBlank()
                ? UUID.randomUUID().toString() : foresporsel.correlationId();
        Result result;
        try {
            result = answer(foresporsel, correlationId);
        } catch (RuntimeException e) {
            // only a bug gets here; nothing was returned, so nothing needs a record
            LOG.error("Legemiddelvarsling {} failed unexpectedly", correlationId, e);
            result = Result.failure(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.description());
        }
        LOG.info("legemiddelvarsling tenant={} adapter={} initiatedBy={} patients={} withNews={} code={} durationMs={}"
                        + " correlationId={}", foresporsel.kommunenummer(), foresporsel.adapterId(),
                foresporsel.initiatedBy(), foresporsel.pasienter().size(), result.withNews(),
                result.error() == null ? "-" : result.error(), (System.nanoTime() - started) / 1_000_000, correlationId);
        if (result.error() != null) {
            throw new VarslingException(result.error(), result.message());
        }
        return result.svar();
    }

    private Result answer(VarslingForesporsel f, String correlationId) {
        String sourceSystem = "Kjernebro/" + f.adapterId();
        TenantCheck.Result tenant = TenantCheck.check(tenants, f.kommunenummer(), f.adapterId());
        if (!tenant.passed()) {
            VarslingAudit audit = new VarslingAudit(f, tenant.tenant(), sourceSystem, correlationId, clock.instant());
            List<AuditEntry> entries = new ArrayList<>();
            f.pasienter().forEach(p -> entries.add(audit.refused(p.fnr(), tenant.refusal(), tenant.message())));
            return commit(entries, Result.failure(tenant.refusal(), tenant.message()), correlationId);
        }
        if (auditLog == null) {
            // nothing is asked that could not be recorded
            return Result.failure(ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE.description());
        }
        List<PasientSjekk> valid = Batchsvar.valid(f.pasienter());
        List<VarslingSvar> fromKjernejournal = List.of();
        ErrorCode failure = null;
        if (!valid.isEmpty()) {
            try {
                fromKjernejournal = kjernejournal.sjekk(tenant.tenant(), valid, sourceSystem, correlationId);
            } catch (KjernejournalException e) {
                LOG.warn("Legemiddelvarsling {}: {} ({})", correlationId, e.error(), e.getMessage());
                failure = e.error();
            }
        }
        VarslingAudit audit = new VarslingAudit(f, tenant.tenant(), sourceSystem, correlationId, clock.instant());
        Batchsvar batch = Batchsvar.of(f.pasienter(), fromKjernejournal, failure, audit);
        Result result = failure != null ? Result.failure(failure, failure.description()) : Result.answered(batch.svar());
        return commit(batch.records(), result, correlationId);
    }

    /** Step (e): the records of the whole batch in one call; the result only counts once they are committed. */
    private Result commit(List<AuditEntry> entries, Result result, String correlationId) {
        AuditLog log = auditLog;
        if (log == null) {
            LOG.error("Legemiddelvarsling {}: no audit log available, no answer is returned", correlationId);
            return Result.failure(ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE.description());
        }
        try {
            log.appendAll(entries);
            return result;
        } catch (Exception e) {
            LOG.error("Legemiddelvarsling {}: the {} audit records could not be committed, no answer is returned ({})",
                    correlationId, entries.size(), e.toString());
            return Result.failure(ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE.description());
        }
    }

    private void requireWellFormed(VarslingForesporsel f) throws VarslingException {
        if (f == null || blank(f.kommunenummer()) || blank(f.adapterId()) || blank(f.initiatedBy())) {
            throw new VarslingException(ErrorCode.INVALID_REQUEST,
                    "kommunenummer, adapterId and initiatedBy are required");
        }
        int max = kjernejournal.maxBatchSize();
        if (f.pasienter().isEmpty() || f.pasienter().size() > max) {
            throw new VarslingException(ErrorCode.INVALID_REQUEST,
                    "a batch has 1 to " + max + " patients, this one has " + f.pasienter().size());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** How a batch ended: the answers, or the error the caller gets. */
    private record Result(List<VarslingSvar> svar, ErrorCode error, String message) {
        static Result answered(List<VarslingSvar> svar) {
            return new Result(List.copyOf(svar), null, null);
        }

        static Result failure(ErrorCode error, String message) {
            return new Result(List.of(), error, message);
        }

        long withNews() {
            return svar.stream().filter(VarslingSvar::nyLegemiddelinformasjon).count();
        }
    }
}
