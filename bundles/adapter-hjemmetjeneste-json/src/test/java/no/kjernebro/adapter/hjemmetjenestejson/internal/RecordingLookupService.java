package no.kjernebro.adapter.hjemmetjenestejson.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Section;

/** Stands in for core: records each call; no credential is refused, a lookup gets the demo summary. */
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
        return LookupOutcome.refused(rejected.error(), rejected.message(),
                rejected.patientId() == null ? null : "audit-rejected-1", rejected.correlationId());
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one call to LookupService, got " + calls);
        }
        return calls.get(0);
    }

    static LookupOutcome demo(CallerCredential credential, LookupRequest request) {
        var granted = request.wantedSections().isEmpty() ? EnumSet.allOf(Section.class) : request.wantedSections();
        return LookupOutcome.allowed(Fixtures.summary(granted), granted, "audit-0001", false, request.correlationId());
    }
}
