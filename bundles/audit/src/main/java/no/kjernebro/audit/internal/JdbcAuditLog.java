package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.identity.NationalIdentityNumber;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AuditLog} service over a JDBC database: appends go through a {@link GroupCommitter},
 * so each caller returns after its own commit while concurrent callers share transactions. A
 * configuration change only adjusts the committer, so core's reference to this service survives
 * it; a new {@code dataSource.target} makes DS reactivate the component with the new DataSource.
 * Forwarding is a component of its own (package {@code forward}).
 */
@Component(name = "no.kjernebro.audit", configurationPid = "no.kjernebro.audit", service = AuditLog.class,
        immediate = true)
@Designate(ocd = AuditConfiguration.class)
public final class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    @Reference(target = "(dataSourceName=kjernebro-audit)")
    private DataSource dataSource;

    private AuditRecordStore store;
    private DataSource guarded;
    private GroupCommitter committer;
    private volatile boolean schemaReady;
    private volatile boolean syncEachCommit;
    private volatile Dialect dialect;

    /** For DS. */
    public JdbcAuditLog() {
    }

    JdbcAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Activate
    void activate(AuditConfiguration config) {
        guarded = new AppendOnlyDataSource(dataSource);
        store = new AuditRecordStore(guarded);
        syncEachCommit = config.store_h2SyncEachCommit();
        committer = new GroupCommitter(this::commitGroup, settings(config), "kjb-audit-committer");
        ensureSchema();
    }

    @Modified
    void modified(AuditConfiguration config) {
        syncEachCommit = config.store_h2SyncEachCommit();
        committer.update(settings(config));
    }

    @Deactivate
    void deactivate() {
        committer.close();
    }

    @Override
    public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
        try {
            AuditReceipt receipt = committer.commit(List.of(entry)).get(0);
            LOG.debug("Audit record {} committed: {} patient={}", receipt.reference(), entry.type(),
                    NationalIdentityNumber.mask(entry.patientId()));
            return receipt;
        } catch (SQLException | RuntimeException e) {
            // the entry's toString masks the identity number
            String why = LogSafe.describe(e);
            LOG.error("Audit store unavailable, nothing recorded for {}: {}", entry, why);
            throw new AuditUnavailableException("the audit log could not commit the record: " + why, LogSafe.scrub(e));
        }
    }

    /**
     * Commits all entries in one transaction, in order and not interleaved with other callers'
     * records, with the same fail-closed contract.
     */
    @Override
    public List<AuditReceipt> appendAll(List<AuditEntry> entries) throws AuditUnavailableException {
        List<AuditEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            List<AuditReceipt> receipts = committer.commit(batch);
            LOG.debug("Audit records {} to {} committed ({} entries)", receipts.get(0).reference(),
                    receipts.get(receipts.size() - 1).reference(), receipts.size());
            return receipts;
        } catch (SQLException | RuntimeException e) {
            String why = LogSafe.describe(e);
            LOG.error("Audit store unavailable, nothing recorded for {} entries (first {}): {}", batch.size(),
                    batch.get(0), why);
            throw new AuditUnavailableException("the audit log could not commit the records: " + why, LogSafe.scrub(e));
        }
    }

    /** Transactions the committer has committed (for tests and benchmarks). */
    long groupsCommitted() {
        return committer.groupsCommitted();
    }

    // Runs on the committer thread, so a database that hangs costs callers no more than their timeout.
    private List<AuditReceipt> commitGroup(List<AuditEntry> entries) throws SQLException {
        if (!schemaReady) {
            migrate();
        }
        List<AuditReceipt> receipts = store.appendAll(entries);
        if (syncEachCommit && dialect == Dialect.H2) {
            try (Connection con = dataSource.getConnection()) {
                Durability.syncH2(con);
            }
        }
        return receipts;
    }

    // A database that is down at start must not kill the component: appends retry and fail closed.
    private void ensureSchema() {
        try {
            migrate();
        } catch (SQLException e) {
            LOG.error("Could not migrate the audit schema; appends fail until the database answers: {}",
                    LogSafe.describe(e));
        }
    }

    private synchronized void migrate() throws SQLException {
        if (schemaReady) {
            return;
        }
        int version = AuditSchema.migrate(dataSource);
        try (Connection con = dataSource.getConnection()) {
            dialect = Dialect.of(con);
        }
        Durability.check(dataSource);
        schemaReady = true;
        LOG.info("Audit schema ready (version {})", version);
    }

    private static GroupCommitter.Settings settings(AuditConfiguration config) {
        return new GroupCommitter.Settings(config.store_maxGroupSize(),
                Duration.ofMillis(config.store_commitTimeoutMs()), config.store_maxQueued());
    }
}
