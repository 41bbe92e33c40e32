package no.kjernebro.core.internal.lookup;

import java.time.Clock;
import java.util.UUID;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.core.internal.helseid.UserTokenVerifier;
import no.kjernebro.core.internal.kj.KjernejournalClient;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.kj.KjernejournalRequest;
import no.kjernebro.core.internal.policy.PolicyDecision;
import no.kjernebro.core.internal.runtime.DeployedAdapters;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to kjernejournal. Order: (a) tenant known, (b) enabled, (c) credential, (d) adapter
 * enabled for the tenant, (e) request valid, (f) policy, (g) fetch, (h) audit, (i) return. Every
 * outcome that names a patient is audited exactly once, and committed before anything is returned;
 * without an audit log nothing is fetched. Nothing is thrown to the adapter.
 */
@Component(name = "no.kjernebro.lookup", service = LookupService.class)
public final class LookupServiceImpl implements LookupService {

    private static final Logger LOG = LoggerFactory.getLogger(LookupServiceImpl.class);

    @Reference
    private TenantDirectory tenants;

    @Reference
    private KjernejournalClient kjernejournal;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog auditLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployedAdapters deployedAdapters;

    @Reference
    private UserTokenVerifier userTokenVerifier;

    private final Clock clock;

    public LookupServiceImpl() {
        this.clock = Clock.systemUTC();
    }

    LookupServiceImpl(TenantDirectory tenants, KjernejournalClient kjernejournal, AuditLog auditLog,
                      UserTokenVerifier userTokenVerifier, Clock clock) {
        this.tenants = tenants;
        this.kjernejournal = kjernejournal;
        this.auditLog = auditLog;
        this.userTokenVerifier = userTokenVerifier;
        this.clock = clock;
    }

    @Override
    public LookupOutcome lookup(CallerCredential credential, LookupRequest request) {
        long started = System.nanoTime();
        if (request == null) {
            return LookupOutcome.refused(ErrorCode.INVALID_REQUEST, "no request", null, UUID.randomUUID().toString());
        }
        String correlationId = correlationId(request.correlationId());
        LookupOutcome outcome;
        try {
            Tenant tenant = null;
            Verdict verdict;
            try {
                CallerCheck.Result caller = CallerCheck.check(tenants, request.requester().kommunenummer(), credential);
                tenant = caller.tenant();
                verdict = caller.passed() ? decide(caller.tenant(), request, correlationId) : caller.refusal();
            } catch (RuntimeException e) {
                LOG.error("Lookup {} failed unexpectedly", correlationId, e);
                verdict = Verdict.failed(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.description(), false);
            }
            AuditEntry entry = AuditRecords.lookup(request, tenant, verdict, clock.instant(), correlationId);
            outcome = audited(entry, verdict, correlationId);
        } catch (RuntimeException e) {
            // Only a bug gets here (e.g. while building the record): fail without data.
            LOG.error("Lookup {} failed unexpectedly", correlationId, e);
            outcome = LookupOutcome.failed(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.description(), null, correlationId);
        }
        log("lookup", request.requester().kommunenummer(), request.adapterId(), request.actor().id(),
                request.patientId(), outcome, started, correlationId);
        return outcome;
    }

    @Override
    public LookupOutcome reject(CallerCredential credential, RejectedRequest rejected) {
        long started = System.nanoTime();
        if (rejected == null) {
            return LookupOutcome.refused(ErrorCode.INVALID_REQUEST, "no request", null, UUID.randomUUID().toString());
        }
        String correlationId = correlationId(rejected.correlationId());
        LookupOutcome outcome;
        try {
            CallerCheck.Result caller = CallerCheck.check(tenants, rejected.kommunenummer(), credential);
            ErrorCode code = rejected.error() == null ? ErrorCode.INVALID_REQUEST : rejected.error();
            // A message whose municipality could not even be read names no tenant to authenticate
            // against: its own defect (malformed, oversized, missing field) is the answer.
            boolean noTenantNamed = rejected.kommunenummer() == null || rejected.kommunenummer().isBlank();
            Verdict verdict = caller.passed() || noTenantNamed
                    ? Verdict.refused(code, rejected.message() == null ? code.description() : rejected.message())
                    : caller.refusal();
            AuditEntry entry = AuditRecords.rejected(rejected, caller.tenant(), verdict, clock.instant(), correlationId);
            outcome = audited(entry, verdict, correlationId);
        } catch (RuntimeException e) {
            LOG.error("Rejected request {} could not be handled", correlationId, e);
            outcome = LookupOutcome.failed(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.description(), null, correlationId);
        }
        log("reject", rejected.kommunenummer(), rejected.adapterId(), rejected.actorId(), rejected.patientId(),
                outcome, started, correlationId);
        return outcome;
    }

    /** Steps (d) to (g) for an authenticated caller. */
    private Verdict decide(Tenant tenant, LookupRequest request, String correlationId) {
        if (!tenant.adapters().contains(request.adapterId())) {
            return Verdict.refused(ErrorCode.ADAPTER_NOT_ENABLED,
                    "tenant " + tenant.kommunenummer() + " has not enabled adapter " + request.adapterId());
        }
        DeployedAdapters deployed = deployedAdapters;
        if (deployed != null && !deployed.isDeployed(request.adapterId())) {
            LOG.warn("Lookup {} names adapter {}, which has no routes deployed", correlationId, request.adapterId());
        }
        RequestValidator.Result valid = RequestValidator.validate(request, new UserTokenCheck(userTokenVerifier));
        if (!valid.passed()) {
            return valid.refusal();
        }
        PolicyDecision decision = tenant.policy().decide(request.serviceContext(), request.actor(),
                request.accessBasis(), request.wantedSections());
        if (decision instanceof PolicyDecision.Refused refused) {
            return Verdict.refused(refused.error(), refused.reason());
        }
        PolicyDecision.Granted granted = (PolicyDecision.Granted) decision;
        if (auditLog == null) {
            return Verdict.auditUnavailable();
        }
        String epjSystem = request.sourceSystem() != null && request.sourceSystem().name() != null
                ? request.sourceSystem().headerValue() : "Kjernebro/" + request.adapterId();
        try {
            return Verdict.allowed(kjernejournal.fetch(KjernejournalRequest.of(tenant, valid.patient(), request,
                    granted.sections(), epjSystem, correlationId)), granted.markedForReview());
        } catch (KjernejournalException e) {
            // the technical detail (hosts, ports, exception names) is for operators, not for callers
            LOG.warn("Lookup {}: {} ({})", correlationId, e.error(), e.getMessage());
            return Verdict.failed(e.error(), e.error().description(), granted.markedForReview());
        }
    }

    /** Step (h): commit the record, then build what the adapter gets. */
    private LookupOutcome audited(AuditEntry entry, Verdict verdict, String correlationId) {
        String reference = null;
        if (entry.patientId() != null && !entry.patientId().isBlank()) {
            AuditLog log = auditLog;
            if (!verdict.auditPossible() || log == null) {
                return unaudited(correlationId, null);
            }
            try {
                AuditReceipt receipt = log.append(entry);
                reference = receipt == null ? null : receipt.reference();
            } catch (Exception e) {
                return unaudited(correlationId, e);
            }
        }
        if (verdict.outcome() == Outcome.ALLOWED) {
            return LookupOutcome.allowed(verdict.summary(), verdict.sections(), reference, verdict.markedForReview(), correlationId);
        }
        if (verdict.outcome() == Outcome.REFUSED) {
            return LookupOutcome.refused(verdict.error(), verdict.message(), reference, correlationId);
        }
        return LookupOutcome.failed(verdict.error(), verdict.message(), reference, correlationId);
    }

    private static LookupOutcome unaudited(String correlationId, Exception cause) {
        LOG.error("Lookup {}: the audit record could not be committed, no data is returned ({})", correlationId,
                cause == null ? "no audit log available" : cause.toString());
        return LookupOutcome.failed(ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE.description(), null, correlationId);
    }

    private static String correlationId(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    private static void log(String kind, String tenant, String adapter, String actor, String patient,
                            LookupOutcome outcome, long started, String correlationId) {
        LOG.info("{} tenant={} adapter={} actor={} patient={} outcome={} code={} sections={} durationMs={} correlationId={}",
                kind, tenant, adapter, actor, NationalIdentityNumber.mask(patient), outcome.outcome(),
                outcome.error() == null ? "-" : outcome.error(), outcome.sections(),
                (System.nanoTime() - started) / 1_000_000, correlationId);
    }
}
