package no.kjernebro.adapter.sykehjemxml.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.RejectedRequest;

/**
 * Stands in for core: records every call and answers like core would in the simplest case (no
 * credential: MISSING_CREDENTIAL; a rejection: that rejection; a lookup: the demo summary restricted to
 * the wanted sections, or whatever a test sets).
 */
final class RecordingLookupService implements LookupService {

    record Call(CallerCredential credential, LookupRequest request, RejectedRequest rejected) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile BiFunction<CallerCredential, LookupRequest, LookupOutcome> onLookup = RecordingLookupService::demo;

    @Override
    public LookupOutcome lookup(CallerCredential credential, LookupRequest request) {
        calls.add(new Call(credential, request, null));
        if (credential == null) {
            return LookupOutcome.refused(ErrorCode.MISSING_CREDENTIAL, "no credential", null, request.correlationId());
        }
        return onLookup.apply(credential, request);
    }

    @Override
    public LookupOutcome reject(CallerCredential credential, RejectedRequest rejected) {
        calls.add(new Call(credential, null, rejected));
        if (credential == null) {
            return LookupOutcome.refused(ErrorCode.MISSING_CREDENTIAL, "no credential", null, rejected.correlationId());
        }
        String audit = rejected.patientId() == null ? null : "audit-rejected-1";
        return LookupOutcome.refused(rejected.error(), rejected.message(), audit, rejected.correlationId());
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one call to LookupService, got " + calls);
        }
        return calls.get(0);
    }

    private static LookupOutcome demo(CallerCredential credential, LookupRequest request) {
        var granted = request.wantedSections().isEmpty()
                ? java.util.EnumSet.allOf(no.kjernebro.api.lookup.Section.class) : request.wantedSections();
        return LookupOutcome.allowed(Fixtures.summary(granted), granted, "audit-0001",
                request.accessBasis() == no.kjernebro.api.lookup.AccessBasis.HPAKUTT, request.correlationId());
    }
}
