package no.kjernebro.adapterkit.conformance;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.PatientSummary;

/**
 * Stands in for core's LookupService: records every call with what it answered, and answers the way core
 * does. The caller is checked first, in core's order (municipality known, credential present, credential
 * right), for lookups and rejections that name a municipality; then a rejection is refused with the
 * adapter's own code (also when no municipality could be read from the message) and
 * a lookup gets the configured answer: by default the {@link SyntheticSummaries#full full summary}
 * restricted to the wanted sections. An audit reference is given whenever a patient is named, as core
 * commits a record for every such attempt.
 */
public final class RecordingLookupService implements LookupService {

    /** One call: exactly one of {@code request} and {@code rejected} is set. */
    public record Call(CallerCredential credential, LookupRequest request, RejectedRequest rejected,
                       LookupOutcome answered) {

        public boolean isLookup() {
            return request != null;
        }

        /** The patient the call named, or null. */
        public String patientId() {
            return isLookup() ? request.patientId() : rejected.patientId();
        }

        public String kommunenummer() {
            return isLookup() ? request.requester().kommunenummer() : rejected.kommunenummer();
        }

        public String adapterId() {
            return isLookup() ? request.adapterId() : rejected.adapterId();
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> tenants = new ConcurrentHashMap<>(Map.of(Demo.KOMMUNENUMMER, Demo.API_KEY));
    private final AtomicInteger auditRecords = new AtomicInteger();
    private volatile Function<LookupRequest, LookupOutcome> answer = this::summary;

    /** Lets a further municipality in with the given credential. */
    public RecordingLookupService tenant(String kommunenummer, String credential) {
        tenants.put(kommunenummer, credential);
        return this;
    }

    /** Lookups get the full synthetic summary, restricted to the wanted sections (the default). */
    public void answerWithSummary() {
        answer = this::summary;
    }

    /**
     * Lookups get the {@link SyntheticSummaries#incomplete incomplete summary} (with merknader), restricted
     * to the wanted sections: kjernejournal sent something core could not map or a module was left out.
     */
    public void answerWithIncompleteSummary() {
        answer = r -> allowed(r, SyntheticSummaries::incompleteGranted);
    }

    /** Lookups are refused by core (policy, validation...), audited. */
    public void answerWithRefusal(ErrorCode error, String message) {
        answer = r -> LookupOutcome.refused(error, message, nextAuditReference(), r.correlationId());
    }

    /** Lookups were allowed but kjernejournal could not be reached. */
    public void answerUnavailable() {
        answer = r -> LookupOutcome.failed(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                ErrorCode.KJERNEJOURNAL_UNAVAILABLE.description(), nextAuditReference(), r.correlationId());
    }

    /**
     * Too many lookups right now (the municipality's bulkhead is full, or kjernejournal answered 429):
     * {@code refused} before anything was fetched, else failed after the lookup was allowed.
     */
    public void answerTooManyRequests(boolean refused) {
        answer = r -> refused
                ? LookupOutcome.refused(ErrorCode.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS.description(),
                        nextAuditReference(), r.correlationId())
                : LookupOutcome.failed(ErrorCode.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS.description(),
                        nextAuditReference(), r.correlationId());
    }

    /** The audit log is down: core fails closed, without a record and without data. */
    public void answerAuditUnavailable() {
        answer = r -> LookupOutcome.failed(ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE.description(),
                null, r.correlationId());
    }

    /** Any other answer, e.g. one that throws to provoke the adapter's INTERNAL_ERROR path. */
    public void answerWith(Function<LookupRequest, LookupOutcome> answer) {
        this.answer = Objects.requireNonNull(answer);
    }

    @Override
    public LookupOutcome lookup(CallerCredential credential, LookupRequest request) {
        LookupOutcome outcome = callerRefusal(request.requester().kommunenummer(), credential, request.patientId(),
                request.correlationId());
        try {
            if (outcome == null) {
                outcome = answer.apply(request);
            }
            return outcome;
        } finally {
            calls.add(new Call(credential, request, null, outcome));
        }
    }

    @Override
    public LookupOutcome reject(CallerCredential credential, RejectedRequest rejected) {
        // as core: a message whose municipality could not be read is answered with its own defect
        boolean noTenantNamed = rejected.kommunenummer() == null || rejected.kommunenummer().isBlank();
        LookupOutcome outcome = noTenantNamed ? null : callerRefusal(rejected.kommunenummer(), credential,
                rejected.patientId(), rejected.correlationId());
        if (outcome == null) {
            ErrorCode error = rejected.error() == null ? ErrorCode.INVALID_REQUEST : rejected.error();
            outcome = LookupOutcome.refused(error, rejected.message() == null ? error.description() : rejected.message(),
                    rejected.patientId() == null ? null : nextAuditReference(), rejected.correlationId());
        }
        calls.add(new Call(credential, null, rejected, outcome));
        return outcome;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> lookups() {
        return calls.stream().filter(Call::isLookup).toList();
    }

    public List<Call> rejections() {
        return calls.stream().filter(c -> !c.isLookup()).toList();
    }

    /** The one call made; fails when there were none or several. */
    public Call onlyCall() {
        List<Call> all = calls();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one call to LookupService, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    public void clear() {
        calls.clear();
    }

    // Core's steps (a) to (c); a refusal that names a patient is audited.
    private LookupOutcome callerRefusal(String kommunenummer, CallerCredential credential, String patientId,
                                        String correlationId) {
        String expected = kommunenummer == null ? null : tenants.get(kommunenummer);
        ErrorCode error;
        String message;
        if (expected == null) {
            error = ErrorCode.UNKNOWN_TENANT;
            message = "kommunenummer " + kommunenummer + " is not a Kjernebro tenant";
        } else if (credential == null || credential.secret() == null || credential.secret().isEmpty()) {
            error = ErrorCode.MISSING_CREDENTIAL;
            message = "no credential was presented";
        } else if (!expected.equals(credential.secret())) {
            error = ErrorCode.BAD_CREDENTIAL;
            message = "the credential is not valid for tenant " + kommunenummer;
        } else {
            return null;
        }
        return LookupOutcome.refused(error, message, patientId == null ? null : nextAuditReference(), correlationId);
    }

    private LookupOutcome summary(LookupRequest request) {
        return allowed(request, SyntheticSummaries::granted);
    }

    private LookupOutcome allowed(LookupRequest request, BiFunction<String, Set<Section>, PatientSummary> summary) {
        Set<Section> granted = request.wantedSections().isEmpty() ? EnumSet.allOf(Section.class)
                : request.wantedSections();
        return LookupOutcome.allowed(summary.apply(request.patientId(), granted), granted,
                nextAuditReference(), request.accessBasis() == AccessBasis.HPAKUTT, request.correlationId());
    }

    private String nextAuditReference() {
        return String.format("KIT-%012d", auditRecords.incrementAndGet());
    }
}
