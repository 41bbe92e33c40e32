package no.kjernebro.adapter.hjemmetjenestejson.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.FindingsPage;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.MedicationSweeps;
import no.kjernebro.api.sweep.PatientListReceipt;
import no.kjernebro.api.sweep.SweepCaller;
import no.kjernebro.api.sweep.SweepError;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepFinding;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;

/**
 * Stands in for the sweep service: authenticates like core would (one key, Alta only), consumes a
 * patient list as a stream keeping only a count and the first few numbers, knows one sweep.
 */
final class FakeSweeps implements MedicationSweeps {

    static final Instant T = Instant.parse("2025-03-10T01:00:00Z");
    static final String SWEEP = "sw-0001";

    final List<SweepCaller> callers = new CopyOnWriteArrayList<>();
    final List<String> firstPatients = new CopyOnWriteArrayList<>();
    final List<String> callbackUrls = new CopyOnWriteArrayList<>();
    volatile long patientsRead;

    @Override
    public PatientListReceipt replacePatientList(SweepCaller caller, Iterator<String> patientIds) throws SweepException {
        check(caller);
        long n = 0;
        while (patientIds.hasNext()) {
            String fnr = patientIds.next();
            if (n++ < 5) {
                firstPatients.add(fnr);
            }
        }
        patientsRead = n;
        return new PatientListReceipt("pl-0001", caller.kommunenummer(), T, n, n, 0, 0, 0, List.of(), "ab".repeat(32));
    }

    @Override
    public SweepStatus start(SweepCaller caller, String callbackUrl) throws SweepException {
        check(caller);
        callbackUrls.add(String.valueOf(callbackUrl));
        if (callbackUrl != null && callbackUrl.contains("ftp:")) {
            throw new SweepException(SweepError.INVALID_CALLBACK_URL, "the callback URL must be http or https");
        }
        return status(caller.kommunenummer(), caller.system() == null ? "EPJ via hjemmetjeneste-json" : caller.system());
    }

    @Override
    public SweepStatus start(Initiator initiator, String kommunenummer, String adapterId, String callbackUrl) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SweepStatus status(SweepCaller caller, String sweepId) throws SweepException {
        check(caller);
        if (!SWEEP.equals(sweepId)) {
            throw new SweepException(SweepError.NOT_FOUND, SweepError.NOT_FOUND.description());
        }
        return status(caller.kommunenummer(), "Omsorg Mobil/24.2");
    }

    @Override
    public Optional<SweepStatus> latest(SweepCaller caller) throws SweepException {
        check(caller);
        return Optional.of(status(caller.kommunenummer(), "Omsorg Mobil/24.2"));
    }

    @Override
    public FindingsPage findings(SweepCaller caller, String sweepId, String pageToken, int pageSize)
            throws SweepException {
        check(caller);
        if (pageSize < 1 || pageSize > 1000) {
            throw new SweepException(SweepError.INVALID_PAGE, "the page size must be 1 to 1000");
        }
        List<SweepFinding> all = List.of(new SweepFinding("05902823095", true, T), new SweepFinding("21874614847", true, T),
                new SweepFinding("11837043303", true, T));
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int to = Math.min(all.size(), from + pageSize);
        return new FindingsPage(sweepId, new ArrayList<>(all.subList(from, to)),
                to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public List<SweepStatus> sweeps(String kommunenummer, int max) {
        return List.of();
    }

    private void check(SweepCaller caller) throws SweepException {
        callers.add(caller);
        if (caller.credential() == null) {
            throw new SweepException(ErrorCode.MISSING_CREDENTIAL, ErrorCode.MISSING_CREDENTIAL.description());
        }
        if (!caller.kommunenummer().equals("5601") || !caller.credential().secret().equals("demo-alta-5601")) {
            throw new SweepException(ErrorCode.BAD_CREDENTIAL, ErrorCode.BAD_CREDENTIAL.description());
        }
    }

    private static SweepStatus status(String kommunenummer, String system) {
        return new SweepStatus(SWEEP, kommunenummer, "hjemmetjeneste-json", "pl-0001", Initiator.system(system),
                SweepState.RUNNING, 350_000, 120_000, 1200, 431, 1, "KJERNEJOURNAL_UNAVAILABLE",
                "kjernejournal or HelseID could not be reached in time", T, T.plusSeconds(60), null, "NONE");
    }
}
