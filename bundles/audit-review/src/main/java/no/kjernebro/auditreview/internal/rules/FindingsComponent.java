package no.kjernebro.auditreview.internal.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Findings} service, and the scheduler that evaluates every configured tenant on its own
 * interval (one thread: evaluation reads a day at a time and is cheap next to the lookups it reviews).
 */
@Component(name = "no.kjernebro.review.findings", service = Findings.class, immediate = true)
public final class FindingsComponent implements Findings {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsComponent.class);

    private final Set<TenantReview> tenants = new CopyOnWriteArraySet<>();
    private final Map<String, Instant> nextRun = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final FindingsService service;
    private final ScheduledExecutorService scheduler;

    @Activate
    public FindingsComponent(@Reference AuditTrail trail, @Reference AuditLog log,
                             @Reference(target = "(dataSourceName=kjernebro-audit)") DataSource dataSource) {
        service = new FindingsService(trail, dataSource, new AuditorAccess(log, clock), this::settings, clock);
        try {
            service.migrate();
        } catch (AuditUnavailableException e) {
            // not fatal: every call tries again, so the component recovers when the database does
            LOG.warn("Review findings schema not ready yet: {}", e.getMessage());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kjernebro-review");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runDue, 1, 1, TimeUnit.MINUTES);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTenantReview(TenantReview tenant) {
        tenants.add(tenant);
    }

    void unbindTenantReview(TenantReview tenant) {
        tenants.remove(tenant);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private ReviewSettings settings(String kommunenummer) {
        // looked up each time: a modified configuration changes a bound instance in place
        for (TenantReview t : tenants) {
            if (t.settings().kommunenummer().equals(kommunenummer)) {
                return t.settings();
            }
        }
        return ReviewSettings.defaults(kommunenummer);
    }

    void runDue() {
        for (TenantReview tenant : tenants) {
            ReviewSettings s = tenant.settings();
            Instant now = clock.instant();
            if (now.isBefore(nextRun.getOrDefault(s.kommunenummer(), Instant.EPOCH))) {
                continue;
            }
            nextRun.put(s.kommunenummer(), now.plusSeconds(60L * s.intervalMinutes()));
            try {
                service.evaluateNew(s.kommunenummer());
            } catch (AuditUnavailableException | RuntimeException e) {
                LOG.warn("Review of {} failed, retried in {} minutes: {}", s.kommunenummer(), s.intervalMinutes(), e.getMessage());
            }
        }
    }

    @Override
    public List<Finding> evaluate(String kommunenummer, Instant from, Instant to) throws AuditUnavailableException {
        return service.evaluate(kommunenummer, from, to);
    }

    @Override
    public List<Finding> list(String kommunenummer, Finding.Status status, String rule, long afterId, int limit)
            throws AuditUnavailableException {
        return service.list(kommunenummer, status, rule, afterId, limit);
    }

    @Override
    public Optional<Finding> get(long id) throws AuditUnavailableException {
        return service.get(id);
    }

    @Override
    public Finding markReviewed(long id, String auditor, String comment) throws AuditUnavailableException {
        return service.markReviewed(id, auditor, comment);
    }
}
