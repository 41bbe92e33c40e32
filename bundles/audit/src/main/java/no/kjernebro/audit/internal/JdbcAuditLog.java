package no.kjernebro.audit.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The {@link AuditLog} service over a JDBC database. A configuration change restarts only the
 * forwarder, so core's reference to this service survives it; a new {@code dataSource.target}
 * makes DS reactivate the component with the new DataSource.
 */
@Component(name = "no.kjernebro.audit", configurationPid = "no.kjernebro.audit", service = AuditLog.class,
        immediate = true)
@Designate(ocd = AuditConfiguration.class)
public final class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    @Reference(target = "(dataSourceName=kjernebro-audit)")
    private DataSource dataSource;

    private final ObjectMapper mapper = new ObjectMapper();
    private volatile AuditRecordStore store;
    private volatile boolean schemaReady;
    private AuditForwarder forwarder;

    /** For DS. */
    public JdbcAuditLog() {
    }

    JdbcAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Activate
    void activate(AuditConfiguration config) {
        store = new AuditRecordStore(dataSource);
        ensureSchema();
        startForwarder(config);
    }

    @Modified
    void modified(AuditConfiguration config) {
        stopForwarder();
        startForwarder(config);
    }

    @Deactivate
    void deactivate() {
        stopForwarder();
    }

    @Override
    public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
        try {
            if (!schemaReady) {
                ensureSchema();
            }
            AuditReceipt receipt = store.append(entry);
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
     * Commits all entries in one transaction (see {@link AuditRecordStore#appendAll}), so a batch of
     * system queries is recorded completely or not at all, with the same fail-closed contract.
     */
    @Override
    public List<AuditReceipt> appendAll(List<AuditEntry> entries) throws AuditUnavailableException {
        List<AuditEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            if (!schemaReady) {
                ensureSchema();
            }
            List<AuditReceipt> receipts = store.appendAll(batch);
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

    /** Verifies the stored chain; for a later shell command and for tests. */
    public ChainVerifier.Result verifyChain() throws SQLException {
        return store.verifyChain();
    }

    // A database that is down at start must not kill the component: append retries and fails closed.
    private synchronized void ensureSchema() {
        if (schemaReady) {
            return;
        }
        try {
            int version = AuditSchema.ensure(dataSource);
            schemaReady = true;
            LOG.info("Audit schema ready (version {})", version);
        } catch (SQLException e) {
            LOG.error("Could not create the audit schema; appends fail until the database answers: {}",
                    LogSafe.describe(e));
        }
    }

    private synchronized void startForwarder(AuditConfiguration config) {
        if (!config.forward_enabled()) {
            LOG.info("Forwarding of audit events is disabled");
            return;
        }
        forwarder = new AuditForwarder(new AuditOutbox(dataSource), mapper, ForwardSettings.from(config),
                Clock.systemUTC());
        forwarder.start();
    }

    private synchronized void stopForwarder() {
        if (forwarder != null) {
            forwarder.stop();
            forwarder = null;
        }
    }
}
