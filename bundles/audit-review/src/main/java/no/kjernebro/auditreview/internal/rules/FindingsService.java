package no.kjernebro.auditreview.internal.rules;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the review rules over the audit trail and keeps the findings. Evaluation works in whole
 * days of the tenant's time zone (the per-day rules need the whole day) and is idempotent, so the
 * scheduled run can simply re-evaluate every day that got new records since its watermark.
 */
public final class FindingsService implements Findings {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsService.class);
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    static final int MAX_COMMENT = 2000;

    private final AuditRecords records;
    private final FindingStore store;
    private final AuditorAccess auditorAccess;
    private final Function<String, ReviewSettings> settings;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<java.nio.file.Path, CareRelationships> careLists = new ConcurrentHashMap<>();
    private volatile boolean migrated;

    /**
     * @param settings the tenant's configuration, or its defaults when it has none
     */
    public FindingsService(AuditTrail trail, javax.sql.DataSource dataSource, AuditorAccess auditorAccess,
                           Function<String, ReviewSettings> settings, Clock clock) {
        this.records = new AuditRecords(trail);
        this.store = new FindingStore(dataSource, clock);
        this.auditorAccess = auditorAccess;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates or upgrades the findings tables. */
    public void migrate() throws AuditUnavailableException {
        try {
            store.migrate();
            migrated = true;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void ready() throws AuditUnavailableException {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    migrate();
                }
            }
        }
    }

    @Override
    public List<Finding> evaluate(String kommunenummer, Instant from, Instant to) throws AuditUnavailableException {
        requireKommunenummer(kommunenummer);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("evaluate at most " + MAX_PERIOD.toDays() + " days at a time");
        }
        ready();
        ReviewSettings s = settings.apply(kommunenummer);
        ZoneId zone = s.timeZone();
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        ReentrantLock lock = lock(kommunenummer);
        lock.lock();
        try {
            return evaluateDays(s, days);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The scheduled step: evaluates every day that got lookups since the tenant's watermark, then
     * moves the watermark. If anything fails the watermark stays, and the next run repeats the work
     * (which finds nothing twice).
     */
    public List<Finding> evaluateNew(String kommunenummer) throws AuditUnavailableException {
        requireKommunenummer(kommunenummer);
        ready();
        ReviewSettings s = settings.apply(kommunenummer);
        ReentrantLock lock = lock(kommunenummer);
        lock.lock();
        try {
            long watermark = store.watermark(kommunenummer);
            AuditRecords.NewRecords fresh = records.after(kommunenummer, watermark, s.timeZone());
            if (fresh.days().isEmpty()) {
                return List.of();
            }
            List<Finding> found = evaluateDays(s, new ArrayList<>(fresh.days()));
            store.advanceWatermark(kommunenummer, fresh.lastSeq());
            if (!found.isEmpty()) {
                LOG.info("Review of {}: {} new or extended findings over {} day(s)", kommunenummer, found.size(), fresh.days().size());
            }
            return found;
        } catch (SQLException e) {
            throw unavailable(e);
        } finally {
            lock.unlock();
        }
    }

    private List<Finding> evaluateDays(ReviewSettings s, List<LocalDate> days) throws AuditUnavailableException {
        Set<String> inCare = s.careRelationshipsFile() == null ? null
                : careLists.computeIfAbsent(s.careRelationshipsFile(), CareRelationships::new).patients();
        List<Finding> result = new ArrayList<>();
        try {
            for (LocalDate day : days) {
                ReviewDay reviewDay = new ReviewDay(s, day, records.day(s.kommunenummer(), day, s.timeZone()), inCare);
                result.addAll(store.merge(s.kommunenummer(), ReviewRules.evaluate(reviewDay)));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return result;
    }

    @Override
    public List<Finding> list(String kommunenummer, Finding.Status status, String rule, long afterId, int limit)
            throws AuditUnavailableException {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        if (kommunenummer != null) {
            requireKommunenummer(kommunenummer);
        }
        if (rule != null && !ReviewRules.IDS.contains(rule)) {
            throw new IllegalArgumentException("unknown rule " + rule + " (known: " + String.join(", ", ReviewRules.IDS) + ")");
        }
        ready();
        try {
            return store.list(kommunenummer, status, rule, Math.max(0, afterId), limit);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Finding> get(long id) throws AuditUnavailableException {
        ready();
        try {
            return store.get(id);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Finding markReviewed(long id, String auditor, String comment) throws AuditUnavailableException {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a comment is required to mark a finding reviewed");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("the comment is longer than " + MAX_COMMENT + " characters");
        }
        if (auditor == null || auditor.isBlank()) {
            throw new IllegalArgumentException("the auditor must be named");
        }
        // an auditor's comment goes into the audit trail and on to forwarding: no identity number in it
        String safeComment = Identities.masked(comment.trim());
        Finding finding = get(id).orElseThrow(() -> new IllegalArgumentException("no finding " + id));
        if (finding.status() == Finding.Status.REVIEWED) {
            throw new IllegalArgumentException("finding " + id + " was already reviewed by " + finding.reviewedBy()
                    + " at " + finding.reviewedAt());
        }
        // the record comes first: without it, nothing changes (fail closed)
        auditorAccess.record(AuditEntry.EventType.AUDIT_REVIEW, auditor, "review", finding.kommunenummer(),
                finding.patientId(), "review-finding", "Funn " + id + " (" + finding.rule() + ", poster "
                        + String.join(" ", finding.references()) + ") gjennomgått: " + safeComment);
        try {
            if (!store.markReviewed(id, auditor, clock.instant(), safeComment)) {
                throw new IllegalArgumentException("finding " + id + " was reviewed by someone else meanwhile");
            }
            return store.get(id).orElseThrow();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private ReentrantLock lock(String kommunenummer) {
        return locks.computeIfAbsent(kommunenummer, k -> new ReentrantLock());
    }

    private static void requireKommunenummer(String kommunenummer) {
        if (kommunenummer == null || !kommunenummer.matches("\\d{4}")) {
            throw new IllegalArgumentException("kommunenummer must be four digits");
        }
    }

    private static AuditUnavailableException unavailable(SQLException e) {
        return new AuditUnavailableException("the review findings store is unavailable: " + e.getMessage(), e);
    }
}
