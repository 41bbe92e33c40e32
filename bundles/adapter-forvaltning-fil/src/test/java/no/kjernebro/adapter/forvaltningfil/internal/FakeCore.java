package no.kjernebro.adapter.forvaltningfil.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import no.kjernebro.adapter.forvaltningfil.internal.json.Fixtures;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.RejectedRequest;

/**
 * Stands in for core: records every call and answers like core would for the allocation office (no
 * credential: MISSING_CREDENTIAL; a rejection: that rejection, audited when a patient is named; a
 * lookup: the restricted view), unless a test sets another answer.
 */
final class FakeCore implements LookupService {

    record Call(CallerCredential credential, LookupRequest request, RejectedRequest rejected) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Function<LookupRequest, LookupOutcome> onLookup = FakeCore::restrictedView;

    @Override
    public LookupOutcome lookup(CallerCredential credential, LookupRequest request) {
        calls.add(new Call(credential, request, null));
        if (credential == null) {
            return LookupOutcome.refused(ErrorCode.MISSING_CREDENTIAL, "no credential was presented", null,
                    request.correlationId());
        }
        return onLookup.apply(request);
    }

    @Override
    public LookupOutcome reject(CallerCredential credential, RejectedRequest rejected) {
        calls.add(new Call(credential, null, rejected));
        if (credential == null) {
            return LookupOutcome.refused(ErrorCode.MISSING_CREDENTIAL, "no credential was presented", null,
                    rejected.correlationId());
        }
        String audit = rejected.patientId() == null ? null : "audit-rejected-1";
        return LookupOutcome.refused(rejected.error(), rejected.message(), audit, rejected.correlationId());
    }

    List<LookupRequest> lookups() {
        return calls.stream().filter(c -> c.request() != null).map(Call::request).toList();
    }

    static LookupOutcome restrictedView(LookupRequest request) {
        return LookupOutcome.allowed(Fixtures.summary(Fixtures.restrictedView()), Fixtures.restrictedView(),
                "audit-0001", false, request.correlationId());
    }
}
