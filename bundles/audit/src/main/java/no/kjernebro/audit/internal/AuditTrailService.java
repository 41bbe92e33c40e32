package no.kjernebro.audit.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ForwardingStatus;
import no.kjernebro.api.audit.PurgeReport;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.audit.internal.forward.ForwardingStatusSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AuditTrail} service: search, verification, checkpoints (and their schedule) and the
 * retention purge, over the same DataSource and configuration PID as {@link JdbcAuditLog}.
 * Everything but the purge reads and writes through the append-only guard.
 */
@Component(name = "no.kjernebro.audit.trail", configurationPid = "no.kjernebro.audit", service = AuditTrail.class,
        immediate = true)
public final class AuditTrailService implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailService.class);

    @Reference(target = "(dataSourceName=kjernebro-audit)")
    private DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ForwardingStatusSource forwardingSource;

    private final Clock clock;
    private volatile DataSource guarded;
    private volatile CheckpointKeys keys = CheckpointKeys.verifyOnly(Map.of());
    private volatile Duration retention;
    private CheckpointSchedule schedule;

    /** For DS. */
    public AuditTrailService() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: ready to use without activation, no checkpoint key, the default retention. */
    AuditTrailService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.guarded = new AppendOnlyDataSource(dataSource);
        this.retention = Duration.ofDays(3650);
    }

    @Activate
    void activate(AuditConfiguration config) {
        guarded = new AppendOnlyDataSource(dataSource);
        try {
            AuditSchema.migrate(dataSource);
        } catch (SQLException e) {
            LOG.error("Could not migrate the audit schema; the audit trail fails until the database answers: {}",
                    LogSafe.describe(e));
        }
        configure(config);
    }

    @Modified
    void modified(AuditConfiguration config) {
        configure(config);
    }

    @Deactivate
    void deactivate() {
        stopSchedule();
    }

    /** Keys for tests that build the service by hand. */
    void useKeys(CheckpointKeys checkpointKeys) {
        this.keys = checkpointKeys;
    }

    void forwardingSource(ForwardingStatusSource source) {
        this.forwardingSource = source;
    }

    private synchronized void configure(AuditConfiguration config) {
        stopSchedule();
        retention = Duration.ofDays(Math.max(1, config.retention_days()));
        try {
            keys = CheckpointKeys.load(config.checkpoint_keyFile(), config.checkpoint_keyId(),
                    config.checkpoint_trustedKeys());
        } catch (IOException | GeneralSecurityException e) {
            keys = CheckpointKeys.verifyOnly(Map.of());
            LOG.error("The audit checkpoint key could not be loaded, so no checkpoints are written: {}", e.getMessage());
        }
        if (!keys.canSign()) {
            LOG.warn("No audit checkpoint key is configured (checkpoint.keyFile, checkpoint.keyId): no signed"
                    + " checkpoints are written, and truncation of a chain's tail can only be detected against its"
                    + " head row");
            return;
        }
        schedule = new CheckpointSchedule(new Checkpointer(guarded, keys, clock),
                Duration.ofSeconds(Math.max(1, config.checkpoint_intervalSeconds())));
        LOG.info("Audit checkpoints signed with key {} every {} s", keys.keyId(), config.checkpoint_intervalSeconds());
    }

    private void stopSchedule() {
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
    }

    @Override
    public AuditPage search(AuditQuery query) throws AuditUnavailableException {
        try (Connection con = guarded().getConnection()) {
            return AuditSearch.search(con, query);
        } catch (SQLException e) {
            throw unavailable("search", e);
        }
    }

    @Override
    public Optional<StoredAuditRecord> find(String reference) throws AuditUnavailableException {
        try (Connection con = guarded().getConnection()) {
            return AuditSearch.find(con, reference);
        } catch (SQLException e) {
            throw unavailable("find", e);
        }
    }

    @Override
    public List<String> chains() throws AuditUnavailableException {
        try {
            List<String> chains = new ArrayList<>();
            for (AuditRecordStore.ChainHead head : new AuditRecordStore(guarded()).chainHeads()) {
                chains.add(head.chain());
            }
            return chains;
        } catch (SQLException e) {
            throw unavailable("chains", e);
        }
    }

    @Override
    public ChainVerification verify(String chain) throws AuditUnavailableException {
        try {
            return new ChainVerifier(guarded(), keys).verify(chain);
        } catch (SQLException e) {
            throw unavailable("verify", e);
        }
    }

    /** @throws IllegalStateException without a checkpoint key, or when the chain does not verify */
    @Override
    public AuditCheckpoint checkpoint(String chain) throws AuditUnavailableException {
        try {
            return new Checkpointer(guarded(), keys, clock).checkpoint(chain);
        } catch (SQLException e) {
            throw unavailable("checkpoint", e);
        }
    }

    /** Writes a checkpoint for every chain whose head moved (what the schedule runs); returns how many. */
    int checkpointMovedChains() throws AuditUnavailableException {
        try {
            return new Checkpointer(guarded(), keys, clock).checkpointMovedChains();
        } catch (SQLException e) {
            throw unavailable("checkpoint", e);
        }
    }

    @Override
    public List<AuditCheckpoint> checkpoints(String chain, int limit) throws AuditUnavailableException {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + AuditQuery.MAX_LIMIT);
        }
        try (Connection con = guarded().getConnection()) {
            return CheckpointStore.newestFirst(con, chain, limit);
        } catch (SQLException e) {
            throw unavailable("checkpoints", e);
        }
    }

    /** @throws IllegalStateException when the chain does not verify (nothing is purged) */
    @Override
    public PurgeReport purgeExpired(String chain, String operator) throws AuditUnavailableException {
        try {
            AuditRecordStore store = new AuditRecordStore(guarded(), clock);
            return new RetentionPurge(dataSource, store, new ChainVerifier(guarded(), keys), keys, clock, retention)
                    .purge(chain, operator);
        } catch (SQLException e) {
            throw unavailable("purge", e);
        }
    }

    @Override
    public ForwardingStatus forwarding() throws AuditUnavailableException {
        ForwardingStatusSource source = forwardingSource;
        if (source == null) {
            return new ForwardingStatus(false, null, 0, null, 0, 0, null);
        }
        try {
            return source.status();
        } catch (SQLException e) {
            throw unavailable("forwarding status", e);
        }
    }

    private DataSource guarded() {
        DataSource current = guarded;
        if (current == null) {
            throw new IllegalStateException("the audit trail is not active");
        }
        return current;
    }

    private static AuditUnavailableException unavailable(String what, SQLException e) {
        String why = LogSafe.describe(e);
        LOG.error("Audit trail {} failed: {}", what, why);
        return new AuditUnavailableException("the audit store could not answer (" + what + "): " + why,
                LogSafe.scrub(e));
    }
}
