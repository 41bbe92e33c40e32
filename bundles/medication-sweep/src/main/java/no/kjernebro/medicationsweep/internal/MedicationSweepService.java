package no.kjernebro.medicationsweep.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.CallerAuthentication;
import no.kjernebro.api.sweep.FindingsPage;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.MedicationSweeps;
import no.kjernebro.api.sweep.PatientListReceipt;
import no.kjernebro.api.sweep.SweepCallbackFormat;
import no.kjernebro.api.sweep.SweepCaller;
import no.kjernebro.api.sweep.SweepError;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;
import no.kjernebro.api.varsling.Legemiddelvarsling;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MedicationSweeps} service. State lives in the database only (lists, per-patient
 * timestamps, sweeps with their cursors, findings, callbacks), so a new instance on the same database,
 * after a restart or a reconfiguration, continues every running sweep from its last committed batch.
 * One sweep and one list change at a time per municipality (a lock per municipality; one node per
 * database).
 */
@Component(name = MedicationSweepService.PID, configurationPid = MedicationSweepService.PID,
        service = {MedicationSweeps.class, SweepScheduling.class}, immediate = true)
@Designate(ocd = SweepServiceConfiguration.class)
public final class MedicationSweepService implements MedicationSweeps, SweepScheduling {

    static final String PID = "no.kjernebro.sweeps";
    private static final Logger LOG = LoggerFactory.getLogger(MedicationSweepService.class);
    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");
    private static final Pattern PAGE_TOKEN = Pattern.compile("\\d{1,18}");
    static final int MAX_PAGE = 1000;

    private final CallerAuthentication authentication;
    private final AuditLog auditLog;
    private final DataSource dataSource;
    private final SweepSettings settings;
    private final Clock clock;
    private final PatientListStore lists;
    private final SweepRunStore runs;
    private final BatchStore batches;
    private final ScheduledThreadPoolExecutor executor;
    private final SweepDriver driver;
    private final CallbackDelivery callbacks;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile boolean ready;

    @Activate
    public MedicationSweepService(@Reference(name = "dataSource") DataSource dataSource,
                                  @Reference(name = "authentication") CallerAuthentication authentication,
                                  @Reference(name = "varsling") Legemiddelvarsling varsling,
                                  @Reference(name = "auditLog") AuditLog auditLog,
                                  SweepServiceConfiguration config) {
        this(dataSource, authentication, varsling, auditLog, SweepSettings.from(config), Clock.systemUTC(),
                new HttpCallbackPoster(SweepSettings.from(config).callbackTimeout()));
    }

    MedicationSweepService(DataSource dataSource, CallerAuthentication authentication, Legemiddelvarsling varsling,
                           AuditLog auditLog, SweepSettings settings, Clock clock, CallbackPoster poster) {
        this.dataSource = dataSource;
        this.authentication = authentication;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
        this.lists = new PatientListStore(dataSource);
        this.runs = new SweepRunStore(dataSource);
        this.batches = new BatchStore(dataSource);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(settings.workers(), r -> {
            Thread t = new Thread(r, "kjernebro-sweep-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        // on deactivation, waiting retries are dropped (the database holds them) and no worker is
        // interrupted: an interrupt in the middle of file I/O makes H2 close the shared database
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.callbacks = new CallbackDelivery(runs, poster, executor, settings.callbackRetry(), clock);
        this.driver = new SweepDriver(executor, new SweepEngine(runs, batches, varsling, settings.batchRetry(), clock),
                settings.batchRetry(), callbacks::ended);
        recover();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdown();
        // a batch still in flight commits or not; an uncommitted one is asked again by the next instance
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Sweep workers did not stop within 30 s");
        }
    }

    @Reference(service = SweepCallbackFormat.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(kjernebro.adapter.id=*)")
    void bindCallbackFormat(SweepCallbackFormat format, Map<String, Object> properties) {
        callbacks.format(String.valueOf(properties.get("kjernebro.adapter.id")), format);
    }

    void unbindCallbackFormat(SweepCallbackFormat format, Map<String, Object> properties) {
        callbacks.format(String.valueOf(properties.get("kjernebro.adapter.id")), null);
    }

    // ---- MedicationSweeps

    @Override
    public PatientListReceipt replacePatientList(SweepCaller caller, Iterator<String> patientIds) throws SweepException {
        authenticate(caller);
        String kommunenummer = caller.kommunenummer();
        Initiator by = Initiator.system(systemName(caller));
        synchronized (lockFor(kommunenummer)) {
            ensureReady();
            PatientListStore.Staged staged;
            try {
                if (runs.latestIn(kommunenummer, SweepState.RUNNING).isPresent()) {
                    throw new SweepException(SweepError.SWEEP_RUNNING, SweepError.SWEEP_RUNNING.description());
                }
                long t0 = System.nanoTime();
                staged = lists.stage(patientIds, settings.maxPatients());
                LOG.info("Patient list upload for {} staged: {} valid, {} invalid entries in {} ms", kommunenummer,
                        staged.valid(), staged.invalid(), (System.nanoTime() - t0) / 1_000_000);
            } catch (PatientListStore.TooManyPatients e) {
                throw new SweepException(SweepError.TOO_MANY_PATIENTS, e.getMessage());
            } catch (SQLException e) {
                throw storeUnavailable(e);
            }
            try {
                return merge(caller, by, staged);
            } finally {
                // removing 350,000 staged rows takes seconds the EPJ need not wait for; a restart's
                // clean-up catches what a shutdown leaves
                discardLater(staged.uploadId());
            }
        }
    }

    @Override
    public SweepStatus start(SweepCaller caller, String callbackUrl) throws SweepException {
        authenticate(caller);
        return start(Initiator.system(systemName(caller)), caller.kommunenummer(), caller.adapterId(), callbackUrl,
                caller.system());
    }

    @Override
    public SweepStatus start(Initiator initiator, String kommunenummer, String adapterId, String callbackUrl)
            throws SweepException {
        checkKommunenummer(kommunenummer);
        return start(initiator, kommunenummer, adapterId, callbackUrl, null);
    }

    @Override
    public SweepStatus status(SweepCaller caller, String sweepId) throws SweepException {
        authenticate(caller);
        return ownRun(caller, sweepId).toStatus();
    }

    @Override
    public Optional<SweepStatus> latest(SweepCaller caller) throws SweepException {
        authenticate(caller);
        ensureReady();
        try {
            return runs.recent(caller.kommunenummer(), 1).stream().findFirst().map(SweepRun::toStatus);
        } catch (SQLException e) {
            throw storeUnavailable(e);
        }
    }

    @Override
    public FindingsPage findings(SweepCaller caller, String sweepId, String pageToken, int pageSize)
            throws SweepException {
        authenticate(caller);
        if (pageSize < 1 || pageSize > MAX_PAGE || (pageToken != null && !PAGE_TOKEN.matcher(pageToken).matches())) {
            throw new SweepException(SweepError.INVALID_PAGE, "the page size must be 1 to " + MAX_PAGE
                    + " and the page token one this service gave");
        }
        SweepRun run = ownRun(caller, sweepId);
        try {
            List<BatchStore.Numbered> rows = batches.findings(run.sweepId(),
                    pageToken == null ? 0 : Long.parseLong(pageToken), pageSize + 1);
            boolean more = rows.size() > pageSize;
            List<BatchStore.Numbered> page = more ? rows.subList(0, pageSize) : rows;
            String next = more ? Long.toString(page.get(page.size() - 1).seq()) : null;
            return new FindingsPage(run.sweepId(), page.stream().map(BatchStore.Numbered::finding).toList(), next);
        } catch (SQLException e) {
            throw storeUnavailable(e);
        }
    }

    @Override
    public List<SweepStatus> sweeps(String kommunenummer, int max) throws SweepException {
        checkKommunenummer(kommunenummer);
        ensureReady();
        try {
            return runs.recent(kommunenummer, Math.max(1, max)).stream().map(SweepRun::toStatus).toList();
        } catch (SQLException e) {
            throw storeUnavailable(e);
        }
    }

    // ---- SweepScheduling

    @Override
    public Future<?> at(Instant when, Runnable task) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        return executor.schedule(task, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<Instant> lastStarted(String kommunenummer) throws SQLException {
        return runs.lastCreated(kommunenummer);
    }

    // ---- internals

    private PatientListReceipt merge(SweepCaller caller, Initiator by, PatientListStore.Staged staged)
            throws SweepException {
        String kommunenummer = caller.kommunenummer();
        String listId = newId("pl");
        Instant now = clock.instant();
        long t0 = System.nanoTime();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            PatientListStore.Merge merge;
            try {
                merge = lists.merge(con, kommunenummer, staged, listId, caller.adapterId(), by.id(), now);
                // committed only once the record is: no list change without a record
                audit(SweepAudit.listReplaced(now, kommunenummer, caller.adapterId(), caller.system(), by, listId, merge,
                        staged.invalid()));
            } catch (SQLException | SweepException | RuntimeException e) {
                con.rollback();
                throw e;
            }
            try {
                con.commit();
            } catch (SQLException e) {
                auditQuietly(SweepAudit.listReplaceFailed(clock.instant(), kommunenummer, caller.adapterId(),
                        caller.system(), by, listId));
                throw e;
            }
            LOG.info("Patient list {} for {} registered: {} patients, {} added, {} removed; merged in {} ms", listId,
                    kommunenummer, merge.patients(), merge.added(), merge.removed(), (System.nanoTime() - t0) / 1_000_000);
            return new PatientListReceipt(listId, kommunenummer, now, merge.patients(), merge.added(), merge.removed(),
                    merge.duplicates(), staged.invalid(), staged.invalidPositions(), merge.fingerprint());
        } catch (SQLException e) {
            throw storeUnavailable(e);
        }
    }

    private SweepStatus start(Initiator initiator, String kommunenummer, String adapterId, String callbackUrl,
                              String sourceSystem) throws SweepException {
        String url;
        try {
            url = CallbackUrls.check(callbackUrl);
        } catch (IllegalArgumentException e) {
            throw new SweepException(SweepError.INVALID_CALLBACK_URL, e.getMessage());
        }
        synchronized (lockFor(kommunenummer)) {
            ensureReady();
            try {
                Optional<SweepRun> running = runs.latestIn(kommunenummer, SweepState.RUNNING);
                if (running.isPresent()) {
                    driver.drive(running.get().sweepId());
                    return running.get().toStatus();
                }
                PatientListStore.ListInfo list = lists.list(kommunenummer).orElseThrow(() -> new SweepException(
                        SweepError.NO_PATIENT_LIST, SweepError.NO_PATIENT_LIST.description()));
                Optional<SweepRun> interrupted = runs.latestIn(kommunenummer, SweepState.INTERRUPTED)
                        .filter(r -> r.listId().equals(list.listId()));
                String sweepId = interrupted.isPresent()
                        ? resume(interrupted.get(), initiator, sourceSystem, list, url)
                        : create(initiator, kommunenummer, adapterId, sourceSystem, list, url);
                driver.drive(sweepId);
                return runs.find(sweepId).orElseThrow().toStatus();
            } catch (SQLException e) {
                throw storeUnavailable(e);
            }
        }
    }

    private String create(Initiator initiator, String kommunenummer, String adapterId, String sourceSystem,
                          PatientListStore.ListInfo list, String url) throws SQLException, SweepException {
        Instant now = clock.instant();
        SweepRun run = new SweepRun(newId("sw"), kommunenummer, adapterId, list.listId(), initiator,
                SweepState.RUNNING, list.patients(), 0, 0, 0, null, 0, null, null, now, now, null, url,
                SweepRun.CallbackState.NONE, 0, null, null);
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                runs.insert(con, run);
                audit(SweepAudit.sweepStarted(now, run, sourceSystem, initiator, list, false));
                con.commit();
            } catch (SQLException | SweepException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        }
        LOG.info("Sweep {} for {} started by {} {} over {} patients", run.sweepId(), kommunenummer,
                initiator.type(), initiator.id(), list.patients());
        try {
            runs.purge(kommunenummer, settings.keepSweeps());
        } catch (SQLException e) {
            LOG.warn("Old sweeps of {} could not be purged: {}", kommunenummer, e.getClass().getSimpleName());
        }
        return run.sweepId();
    }

    private String resume(SweepRun run, Initiator initiator, String sourceSystem, PatientListStore.ListInfo list,
                          String url) throws SQLException, SweepException {
        Instant now = clock.instant();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                runs.resume(con, run.sweepId(), url, now);
                audit(SweepAudit.sweepStarted(now, run, sourceSystem, initiator, list, true));
                con.commit();
            } catch (SQLException | SweepException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        }
        LOG.info("Sweep {} for {} resumed by {} {} at {} of {}", run.sweepId(), run.kommunenummer(), initiator.type(),
                initiator.id(), run.patientsDone(), run.patientsTotal());
        return run.sweepId();
    }

    private SweepRun ownRun(SweepCaller caller, String sweepId) throws SweepException {
        ensureReady();
        try {
            // another municipality's sweep is answered exactly like a missing one
            return runs.find(sweepId).filter(r -> r.kommunenummer().equals(caller.kommunenummer()))
                    .orElseThrow(() -> new SweepException(SweepError.NOT_FOUND, SweepError.NOT_FOUND.description()));
        } catch (SQLException e) {
            throw storeUnavailable(e);
        }
    }

    private void authenticate(SweepCaller caller) throws SweepException {
        if (caller == null) {
            throw new SweepException(ErrorCode.MISSING_CREDENTIAL, ErrorCode.MISSING_CREDENTIAL.description());
        }
        if (caller.credential() == null) {
            throw new SweepException(ErrorCode.MISSING_CREDENTIAL, ErrorCode.MISSING_CREDENTIAL.description());
        }
        checkKommunenummer(caller.kommunenummer());
        Optional<ErrorCode> refused = authentication.authenticate(caller.credential(), caller.kommunenummer(),
                caller.adapterId());
        if (refused.isPresent()) {
            throw new SweepException(refused.get(), refused.get().description());
        }
    }

    private static void checkKommunenummer(String kommunenummer) throws SweepException {
        if (kommunenummer == null || !KOMMUNENUMMER.matcher(kommunenummer).matches()) {
            throw new SweepException(ErrorCode.INVALID_REQUEST, "the kommunenummer must be 4 digits");
        }
    }

    private void audit(AuditEntry entry) throws SweepException {
        try {
            auditLog.append(entry);
        } catch (AuditUnavailableException e) {
            throw new SweepException(SweepError.AUDIT_UNAVAILABLE, SweepError.AUDIT_UNAVAILABLE.description());
        }
    }

    private void auditQuietly(AuditEntry entry) {
        try {
            auditLog.append(entry);
        } catch (AuditUnavailableException | RuntimeException e) {
            LOG.error("Audit record {} could not be written: {}", entry, e.getClass().getSimpleName());
        }
    }

    private void discardLater(String uploadId) {
        try {
            executor.execute(() -> discardQuietly(uploadId));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            discardQuietly(uploadId);
        }
    }

    private void discardQuietly(String uploadId) {
        try {
            lists.discard(uploadId);
        } catch (SQLException e) {
            LOG.warn("Staged upload {} could not be removed; it goes at the next start", uploadId);
        }
    }

    private Object lockFor(String kommunenummer) {
        return locks.computeIfAbsent(kommunenummer, k -> new Object());
    }

    private static String systemName(SweepCaller caller) {
        return caller.system() == null || caller.system().isBlank() ? "EPJ via " + caller.adapterId() : caller.system();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private SweepException storeUnavailable(SQLException e) {
        LOG.error("Sweep store unavailable: {}", e.getClass().getSimpleName() + ": " + e.getSQLState());
        ready = false;
        return new SweepException(SweepError.STORE_UNAVAILABLE, SweepError.STORE_UNAVAILABLE.description());
    }

    private void ensureReady() throws SweepException {
        if (!ready) {
            try {
                SweepSchema.ensure(dataSource);
                ready = true;
            } catch (SQLException e) {
                throw storeUnavailable(e);
            }
        }
    }

    // After a restart: tables, left-over uploads, running sweeps and pending callbacks. A database that
    // is down now is tried again shortly; nothing is lost meanwhile, it is all in the database.
    private void recover() {
        try {
            SweepSchema.ensure(dataSource);
            ready = true;
            lists.discardAll();
            List<SweepRun> running = runs.inState(SweepState.RUNNING);
            running.forEach(run -> driver.drive(run.sweepId()));
            callbacks.resumePending();
            if (!running.isEmpty()) {
                LOG.info("Resuming {} running sweep(s) from their last committed batch", running.size());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Sweep store not ready ({}); trying again in 30 s", e.getClass().getSimpleName());
            try {
                executor.schedule(this::recover, 30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivated meanwhile
            }
        }
    }
}
