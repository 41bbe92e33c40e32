package no.kjernebro.medicationsweep.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.FindingsPage;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.PatientListReceipt;
import no.kjernebro.api.sweep.SweepCaller;
import no.kjernebro.api.sweep.SweepError;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepFinding;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;
import no.kjernebro.api.varsling.PasientSjekk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep service against a real database; run on H2 and on PostgreSQL. */
abstract class SweepServiceContract {

    static final String ADAPTER = "hjemmetjeneste-json";
    static final SweepCaller ALTA = new SweepCaller(new CallerCredential(CallerCredential.Scheme.API_KEY,
            "demo-alta-5601"), "5601", ADAPTER, "Omsorg Mobil 24.2");
    static final SweepCaller HARSTAD = new SweepCaller(new CallerCredential(CallerCredential.Scheme.API_KEY,
            "demo-harstad-5503"), "5503", ADAPTER, "Omsorg Mobil 24.2");

    final FakeAuthentication auth = new FakeAuthentication();
    final RecordingAuditLog audit = new RecordingAuditLog();
    final RecordingPoster poster = new RecordingPoster();
    private final List<MedicationSweepService> started = new CopyOnWriteArrayList<>();
    long maxPatients = 10_000;

    protected abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() throws SQLException {
        SweepSchema.ensure(dataSource());
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement()) {
            for (String table : List.of("kjb_sweep_hit", "kjb_sweep_run", "kjb_sweep_patient", "kjb_sweep_list",
                    "kjb_sweep_incoming")) {
                st.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @AfterEach
    void stopServices() throws InterruptedException {
        for (MedicationSweepService s : started) {
            s.deactivate();
        }
    }

    MedicationSweepService service(FakeVarsling varsling) {
        return service(varsling, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 5));
    }

    MedicationSweepService service(FakeVarsling varsling, Backoff batchRetry) {
        MedicationSweepService s = new MedicationSweepService(dataSource(), auth, varsling, audit,
                new SweepSettings(2, maxPatients, batchRetry, 3, Duration.ofSeconds(1),
                        new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 3)),
                Clock.systemUTC(), poster);
        started.add(s);
        return s;
    }

    static SweepStatus awaitEnd(MedicationSweepService service, SweepCaller caller, String sweepId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            SweepStatus status = service.status(caller, sweepId);
            if (status.state() != SweepState.RUNNING) {
                return status;
            }
            Thread.sleep(5);
        }
        return fail("sweep " + sweepId + " did not end");
    }

    static SweepStatus awaitAttempts(MedicationSweepService service, SweepCaller caller, String sweepId, int attempts)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            SweepStatus status = service.status(caller, sweepId);
            if (status.attempts() >= attempts) {
                return status;
            }
            Thread.sleep(5);
        }
        return fail("sweep " + sweepId + " never reached " + attempts + " failed attempts");
    }

    @Test
    void sweepAsksInBatchesOfTheServicesMaximumSize() throws Exception {
        FakeVarsling kj = new FakeVarsling(10);
        MedicationSweepService service = service(kj);
        List<String> patients = SyntheticNumbers.first(25);
        service.replacePatientList(ALTA, patients.iterator());

        SweepStatus status = awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());

        assertThat(status.state()).isEqualTo(SweepState.FINISHED);
        assertThat(status.patientsTotal()).isEqualTo(25);
        assertThat(status.patientsDone()).isEqualTo(25);
        assertThat(status.batches()).isEqualTo(3);
        assertThat(status.finishedAt()).isNotNull();
        assertThat(kj.calls).extracting(c -> c.pasienter().size()).containsExactly(10, 10, 5);
        assertThat(kj.calls).extracting(c -> c.correlationId())
                .containsExactly(status.sweepId() + "/1", status.sweepId() + "/2", status.sweepId() + "/3");
        assertThat(kj.calls).allSatisfy(c -> {
            assertThat(c.kommunenummer()).isEqualTo("5601");
            assertThat(c.adapterId()).isEqualTo(ADAPTER);
            assertThat(c.initiatedBy()).isEqualTo("Omsorg Mobil 24.2");
        });
        assertThat(kj.asked()).containsExactlyInAnyOrderElementsOf(patients).doesNotHaveDuplicates();
    }

    @Test
    void nextSweepSendsTheTimestampKjernejournalGaveLastTime() throws Exception {
        FakeVarsling kj = new FakeVarsling(4);
        MedicationSweepService service = service(kj);
        service.replacePatientList(ALTA, SyntheticNumbers.first(6).iterator());
        awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());
        kj.calls.clear();

        awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());

        List<PasientSjekk> second = new ArrayList<>();
        kj.calls.forEach(c -> second.addAll(c.pasienter()));
        // first sweep: call 1 answered EPOCH+1min for patients 1-4, call 2 EPOCH+2min for 5-6
        assertThat(second).extracting(PasientSjekk::sistSjekket).containsExactly(
                t(1), t(1), t(1), t(1), t(2), t(2));
    }

    @Test
    void findingsAreThePatientsWithNewMedicationPagedInListOrder() throws Exception {
        FakeVarsling kj = new FakeVarsling(10);
        List<String> patients = SyntheticNumbers.first(40);
        Set<String> changed = Set.of(patients.get(0), patients.get(7), patients.get(8), patients.get(21),
                patients.get(39));
        kj.nyLegemiddelinformasjon = (fnr, sist) -> changed.contains(fnr);
        MedicationSweepService service = service(kj);
        service.replacePatientList(ALTA, patients.iterator());
        SweepStatus status = awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());

        List<SweepFinding> all = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            FindingsPage page = service.findings(ALTA, status.sweepId(), token, 2);
            assertThat(page.findings()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.findings());
            token = page.nextPageToken();
            tokens.add(token);
        } while (token != null);

        assertThat(status.patientsWithNewMedication()).isEqualTo(5);
        assertThat(all).extracting(SweepFinding::fnr).containsExactlyElementsOf(
                patients.stream().sorted().filter(changed::contains).toList());
        assertThat(all).allSatisfy(f -> assertThat(f.harKjernejournal()).isTrue());
        assertThat(tokens).hasSize(3).allSatisfy(t -> assertThat(t == null ? "" : t).doesNotMatch(".*(?<![0-9A-Za-z])\\d{11}(?![0-9A-Za-z]).*"));
    }

    @Test
    void failedBatchIsRetriedAndTheSweepCompletes() throws Exception {
        FakeVarsling kj = new FakeVarsling(5);
        kj.failuresLeft.set(3);
        MedicationSweepService service = service(kj);
        List<String> patients = SyntheticNumbers.first(12);
        service.replacePatientList(ALTA, patients.iterator());

        SweepStatus status = awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());

        assertThat(status.state()).isEqualTo(SweepState.FINISHED);
        assertThat(status.patientsDone()).isEqualTo(12);
        assertThat(status.attempts()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(kj.calls).hasSize(3 + 3); // three failed attempts of batch 1, then three batches
        assertThat(kj.calls.subList(0, 4)).extracting(c -> c.correlationId()).containsOnly(status.sweepId() + "/1");
    }

    @Test
    void progressShowsTheErrorWhileABatchWaitsForItsRetry() throws Exception {
        FakeVarsling kj = new FakeVarsling(5);
        kj.failFromCall = 2;
        MedicationSweepService service = service(kj, new Backoff(Duration.ofHours(1), Duration.ofHours(1), 5));
        service.replacePatientList(ALTA, SyntheticNumbers.first(12).iterator());
        String id = service.start(ALTA, null).sweepId();

        SweepStatus status = awaitAttempts(service, ALTA, id, 1);

        assertThat(status.state()).isEqualTo(SweepState.RUNNING);
        assertThat(status.patientsDone()).isEqualTo(5);
        assertThat(status.batches()).isEqualTo(1);
        assertThat(status.lastError()).isEqualTo("KJERNEJOURNAL_UNAVAILABLE");
        assertThat(status.lastErrorMessage()).contains("simulated");
        assertThatThrownBy(() -> service.replacePatientList(ALTA, SyntheticNumbers.first(3).iterator()))
                .isInstanceOfSatisfying(SweepException.class,
                        e -> assertThat(e.sweepError()).contains(SweepError.SWEEP_RUNNING));
        assertThat(service.start(ALTA, null).sweepId()).as("a start while running returns the running sweep").isEqualTo(id);
    }

    @Test
    void newInstanceOnTheSameDatabaseContinuesFromTheLastCommittedBatch() throws Exception {
        List<String> patients = SyntheticNumbers.first(50);
        FakeVarsling before = new FakeVarsling(10);
        before.failFromCall = 3; // batches 1 and 2 commit, batch 3 keeps failing and waits an hour
        MedicationSweepService first = service(before, new Backoff(Duration.ofHours(1), Duration.ofHours(1), 99));
        first.replacePatientList(ALTA, patients.iterator());
        String id = first.start(ALTA, null).sweepId();
        awaitAttempts(first, ALTA, id, 1);
        first.deactivate(); // "restart": the waiting retry is dropped, the database keeps the cursor

        FakeVarsling after = new FakeVarsling(10);
        MedicationSweepService second = service(after);
        SweepStatus status = awaitEnd(second, ALTA, id);

        List<String> sorted = patients.stream().sorted().toList();
        assertThat(status.state()).isEqualTo(SweepState.FINISHED);
        assertThat(status.patientsDone()).isEqualTo(50);
        assertThat(status.batches()).isEqualTo(5);
        assertThat(after.asked()).as("only the patients after the cursor").containsExactlyElementsOf(sorted.subList(20, 50));
        assertThat(after.calls.get(0).correlationId()).isEqualTo(id + "/3");
        Set<String> committedBefore = new HashSet<>(before.calls.get(0).pasienter().stream().map(PasientSjekk::fnr).toList());
        before.calls.get(1).pasienter().forEach(p -> committedBefore.add(p.fnr()));
        assertThat(committedBefore).containsExactlyInAnyOrderElementsOf(sorted.subList(0, 20));
    }

    @Test
    void refusalInterruptsAndTheNextStartResumesTheSameSweep() throws Exception {
        FakeVarsling kj = new FakeVarsling(10);
        kj.failFromCall = 2;
        kj.failWith = ErrorCode.ADAPTER_NOT_ENABLED;
        MedicationSweepService service = service(kj);
        service.replacePatientList(ALTA, SyntheticNumbers.first(30).iterator());
        String id = service.start(ALTA, null).sweepId();
        SweepStatus interrupted = awaitEnd(service, ALTA, id);
        assertThat(interrupted.state()).isEqualTo(SweepState.INTERRUPTED);
        assertThat(interrupted.patientsDone()).isEqualTo(10);
        assertThat(interrupted.lastError()).isEqualTo("ADAPTER_NOT_ENABLED");
        assertThat(kj.calls).hasSize(2); // a refusal is not retried

        kj.failFromCall = 0;
        SweepStatus resumed = service.start(Initiator.operator("karaf"), "5601", ADAPTER, null);
        SweepStatus done = awaitEnd(service, ALTA, resumed.sweepId());

        assertThat(resumed.sweepId()).isEqualTo(id);
        assertThat(done.state()).isEqualTo(SweepState.FINISHED);
        assertThat(done.patientsDone()).isEqualTo(30);
        assertThat(done.initiator()).isEqualTo(Initiator.system("Omsorg Mobil 24.2"));
        AuditEntry resumedRecord = audit.withReason(SweepAudit.SWEEP_RESUMED).get(0);
        assertThat(resumedRecord.actorType()).isEqualTo("OPERATOR");
        assertThat(resumedRecord.actorId()).isEqualTo("karaf");
        assertThat(resumedRecord.correlationId()).isEqualTo(id);
    }

    @Test
    void replacingTheListKeepsTimestampsOfPatientsWhoStay() throws Exception {
        FakeVarsling kj = new FakeVarsling(100);
        MedicationSweepService service = service(kj);
        List<String> patients = SyntheticNumbers.first(8);
        service.replacePatientList(ALTA, patients.subList(0, 6).iterator());
        awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());

        List<String> upload = new ArrayList<>(patients.subList(3, 8)); // 3 stay (3,4,5), 3 removed, 2 added
        upload.add(patients.get(4)); // a duplicate
        upload.add("12345678901"); // not valid: position 6
        upload.add(1, "0590282309"); // too short: position 1
        PatientListReceipt receipt = service.replacePatientList(ALTA, upload.iterator());

        assertThat(receipt.patients()).isEqualTo(5);
        assertThat(receipt.added()).isEqualTo(2);
        assertThat(receipt.removed()).isEqualTo(3);
        assertThat(receipt.duplicates()).isEqualTo(1);
        assertThat(receipt.invalid()).isEqualTo(2);
        assertThat(receipt.invalidPositions()).containsExactly(1L, 7L);
        assertThat(receipt.fingerprint()).hasSize(64);

        kj.calls.clear();
        awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());
        List<PasientSjekk> asked = new ArrayList<>(kj.calls.get(0).pasienter());
        assertThat(asked).extracting(PasientSjekk::fnr).containsExactlyElementsOf(patients.subList(3, 8).stream().sorted().toList());
        for (PasientSjekk p : asked) {
            boolean stayed = patients.subList(3, 6).contains(p.fnr());
            assertThat(p.sistSjekket()).as(stayed ? "kept" : "new").isEqualTo(stayed ? t(1) : null);
        }
    }

    @Test
    void sameListGivesTheSameFingerprintWhateverTheOrder() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        List<String> patients = SyntheticNumbers.first(20);
        List<String> reversed = new ArrayList<>(patients);
        java.util.Collections.reverse(reversed);

        String one = service.replacePatientList(ALTA, patients.iterator()).fingerprint();
        String two = service.replacePatientList(HARSTAD, reversed.iterator()).fingerprint();

        assertThat(one).isEqualTo(two);
    }

    @Test
    void anUploadThatBreaksOffLeavesThePreviousListInPlace() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        List<String> patients = SyntheticNumbers.first(5000);
        PatientListReceipt before = service.replacePatientList(ALTA, patients.subList(0, 3).iterator());
        Iterator<String> breaking = new Iterator<>() {
            private final Iterator<String> inner = patients.iterator();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                if (!inner.hasNext()) {
                    throw new IllegalStateException("simulated parse error");
                }
                return inner.next();
            }
        };

        assertThatThrownBy(() -> service.replacePatientList(ALTA, breaking)).hasMessage("simulated parse error");

        SweepStatus status = awaitEnd(service, ALTA, service.start(ALTA, null).sweepId());
        assertThat(status.listId()).isEqualTo(before.listId());
        assertThat(status.patientsDone()).isEqualTo(3);
        assertThat(count("kjb_sweep_incoming")).as("staged rows removed").isZero();
        assertThat(audit.withReason(SweepAudit.LIST_REPLACED)).hasSize(1);
    }

    @Test
    void tooLongAListIsRefusedAndNothingChanges() throws Exception {
        maxPatients = 1000;
        MedicationSweepService service = service(new FakeVarsling(10));

        assertThatThrownBy(() -> service.replacePatientList(ALTA, new SyntheticNumbers(1001)))
                .isInstanceOfSatisfying(SweepException.class, e -> {
                    assertThat(e.sweepError()).contains(SweepError.TOO_MANY_PATIENTS);
                    assertThat(e.httpStatus()).isEqualTo(413);
                });
        assertThat(count("kjb_sweep_patient")).isZero();
        assertThat(count("kjb_sweep_incoming")).isZero();
    }

    @Test
    void wrongCredentialIsRefusedBeforeAnythingIsRead() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        SweepCaller wrongKey = new SweepCaller(new CallerCredential(CallerCredential.Scheme.API_KEY, "demo-harstad-5503"),
                "5601", ADAPTER, null);
        Iterator<String> untouched = new Iterator<>() {
            @Override
            public boolean hasNext() {
                throw new AssertionError("the list must not be read for a refused caller");
            }

            @Override
            public String next() {
                throw new AssertionError();
            }
        };

        assertThatThrownBy(() -> service.replacePatientList(wrongKey, untouched))
                .isInstanceOfSatisfying(SweepException.class, e -> {
                    assertThat(e.errorCode()).contains(ErrorCode.BAD_CREDENTIAL);
                    assertThat(e.httpStatus()).isEqualTo(401);
                });
        assertThatThrownBy(() -> service.start(new SweepCaller(null, "5601", ADAPTER, null), null))
                .isInstanceOfSatisfying(SweepException.class,
                        e -> assertThat(e.code()).isEqualTo("MISSING_CREDENTIAL"));
        assertThatThrownBy(() -> service.latest(new SweepCaller(ALTA.credential(), "9999", ADAPTER, null)))
                .isInstanceOfSatisfying(SweepException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_TENANT"));
        assertThat(audit.entries).isEmpty();
    }

    @Test
    void anotherMunicipalitysSweepIsNotFound() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        service.replacePatientList(ALTA, SyntheticNumbers.first(3).iterator());
        String id = awaitEnd(service, ALTA, service.start(ALTA, null).sweepId()).sweepId();

        assertThatThrownBy(() -> service.status(HARSTAD, id)).isInstanceOfSatisfying(SweepException.class,
                e -> assertThat(e.sweepError()).contains(SweepError.NOT_FOUND));
        assertThatThrownBy(() -> service.findings(HARSTAD, id, null, 10)).isInstanceOfSatisfying(SweepException.class,
                e -> assertThat(e.sweepError()).contains(SweepError.NOT_FOUND));
        assertThat(service.latest(HARSTAD)).isEmpty();
    }

    @Test
    void startWithoutAListIsRefused() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));

        assertThatThrownBy(() -> service.start(ALTA, null)).isInstanceOfSatisfying(SweepException.class,
                e -> assertThat(e.sweepError()).contains(SweepError.NO_PATIENT_LIST));
    }

    @Test
    void registrationAndStartAreAuditedWithTheInitiatorAndTheList() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        PatientListReceipt list = service.replacePatientList(ALTA, SyntheticNumbers.first(4).iterator());
        SweepStatus started = service.start(Initiator.operator("karaf"), "5601", ADAPTER, null);
        awaitEnd(service, ALTA, started.sweepId());

        AuditEntry registered = audit.withReason(SweepAudit.LIST_REPLACED).get(0);
        assertThat(registered.type()).isEqualTo(AuditEntry.EventType.ADMINISTRATION);
        assertThat(registered.actorType()).isEqualTo("SYSTEM");
        assertThat(registered.actorId()).isEqualTo("Omsorg Mobil 24.2");
        assertThat(registered.kommunenummer()).isEqualTo("5601");
        assertThat(registered.adapterId()).isEqualTo(ADAPTER);
        assertThat(registered.patientId()).isNull();
        assertThat(registered.reason()).contains(list.listId()).contains("4 patients").contains(list.fingerprint());
        AuditEntry start = audit.withReason(SweepAudit.SWEEP_STARTED).get(0);
        assertThat(start.type()).isEqualTo(AuditEntry.EventType.SYSTEM_QUERY);
        assertThat(start.actorType()).isEqualTo("OPERATOR");
        assertThat(start.actorId()).isEqualTo("karaf");
        assertThat(start.correlationId()).isEqualTo(started.sweepId());
        assertThat(start.reason()).contains(list.listId()).contains(list.fingerprint());
        assertThat(audit.entries).noneMatch(e -> e.reason().matches(".*(?<![0-9A-Za-z])\\d{11}(?![0-9A-Za-z]).*"));
    }

    @Test
    void withTheAuditLogDownNothingChanges() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        service.replacePatientList(ALTA, SyntheticNumbers.first(2).iterator());
        audit.down = true;

        assertThatThrownBy(() -> service.replacePatientList(ALTA, SyntheticNumbers.first(9).iterator()))
                .isInstanceOfSatisfying(SweepException.class,
                        e -> assertThat(e.sweepError()).contains(SweepError.AUDIT_UNAVAILABLE));
        assertThatThrownBy(() -> service.start(ALTA, null)).isInstanceOfSatisfying(SweepException.class,
                e -> assertThat(e.sweepError()).contains(SweepError.AUDIT_UNAVAILABLE));
        assertThat(count("kjb_sweep_patient")).isEqualTo(2);
        assertThat(count("kjb_sweep_run")).isZero();
    }

    @Test
    void callbackIsPostedWhenTheSweepEndsAndNamesNoPatient() throws Exception {
        FakeVarsling kj = new FakeVarsling(10);
        kj.nyLegemiddelinformasjon = (fnr, sist) -> true;
        MedicationSweepService service = service(kj);
        poster.failures.set(2);
        service.replacePatientList(ALTA, SyntheticNumbers.first(3).iterator());
        String id = service.start(ALTA, "https://epj.example/hooks/kjernebro?kommune=5601").sweepId();
        awaitEnd(service, ALTA, id);

        SweepStatus delivered = awaitCallback(service, id, "DELIVERED");

        assertThat(poster.posts).hasSize(3);
        RecordingPoster.Post post = poster.posts.get(2);
        assertThat(post.url()).isEqualTo("https://epj.example/hooks/kjernebro?kommune=5601");
        assertThat(post.contentType()).isEqualTo("application/json");
        assertThat(post.body()).contains("\"sweepId\":\"" + id + "\"").contains("\"state\":\"FINISHED\"")
                .contains("\"patientsWithNewMedication\":3").doesNotContainPattern("(?<![0-9A-Za-z])\\d{11}(?![0-9A-Za-z])");
        assertThat(delivered.callbackState()).isEqualTo("DELIVERED");
    }

    @Test
    void callbackUrlsWithIdentityNumbersOrCredentialsAreRefused() throws Exception {
        MedicationSweepService service = service(new FakeVarsling(10));
        service.replacePatientList(ALTA, SyntheticNumbers.first(1).iterator());

        for (String url : List.of("https://epj.example/cb?p=05902823095", "https://user:pw@epj.example/cb",
                "ftp://epj.example/cb", "/relative")) {
            assertThatThrownBy(() -> service.start(ALTA, url)).as(url).isInstanceOfSatisfying(SweepException.class,
                    e -> assertThat(e.sweepError()).contains(SweepError.INVALID_CALLBACK_URL));
        }
        assertThat(count("kjb_sweep_run")).isZero();
    }

    @Test
    void oldSweepsArePurgedWithTheirFindings() throws Exception {
        FakeVarsling kj = new FakeVarsling(10);
        kj.nyLegemiddelinformasjon = (fnr, sist) -> true;
        MedicationSweepService service = service(kj);
        service.replacePatientList(ALTA, SyntheticNumbers.first(2).iterator());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(awaitEnd(service, ALTA, service.start(ALTA, null).sweepId()).sweepId());
        }

        assertThat(service.sweeps("5601", 10)).extracting(SweepStatus::sweepId)
                .containsExactlyInAnyOrderElementsOf(ids.subList(1, 5));
        assertThat(count("kjb_sweep_hit")).isEqualTo(8);
    }

    SweepStatus awaitCallback(MedicationSweepService service, String sweepId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            SweepStatus status = service.status(ALTA, sweepId);
            if (status.callbackState().equals(state)) {
                return status;
            }
            Thread.sleep(5);
        }
        return fail("callback of " + sweepId + " never " + state);
    }

    long count(String table) throws SQLException {
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static OffsetDateTime t(int minutes) {
        return FakeVarsling.EPOCH.plusMinutes(minutes);
    }
}
