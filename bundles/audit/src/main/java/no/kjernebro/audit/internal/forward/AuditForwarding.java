package no.kjernebro.audit.internal.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.sql.DataSource;
import no.kjernebro.api.audit.ForwardingStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards committed audit records from the outbox to the configured receiver as BALP AuditEvents,
 * and reports the outbox's state (as a service for the audit trail and shell, and as the JMX MBean
 * {@code no.kjernebro:type=AuditForwarding}). Its own component, apart from the audit log, so a
 * configuration change restarts only forwarding; {@code dataSource.target} in the PID selects the
 * DataSource as it does for the audit log.
 */
@Component(name = "no.kjernebro.audit.forward", configurationPid = "no.kjernebro.audit",
        service = ForwardingStatusSource.class, immediate = true)
public final class AuditForwarding implements ForwardingStatusSource {

    private static final Logger LOG = LoggerFactory.getLogger(AuditForwarding.class);

    @Reference(target = "(dataSourceName=kjernebro-audit)")
    private DataSource dataSource;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private final ForwardingCounters counters;
    private volatile ForwardSettings settings;
    private ForwardingLoop loop;
    private ObjectName mbean;

    /** For DS. */
    public AuditForwarding() {
        this.clock = Clock.systemUTC();
        this.counters = new ForwardingCounters(clock);
    }

    AuditForwarding(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.counters = new ForwardingCounters(clock);
    }

    @Activate
    void activate(ForwardConfiguration config) {
        configure(config);
        try {
            mbean = new ForwardingMBean(this, clock).register();
        } catch (JMException e) {
            LOG.warn("Could not register the forwarding MBean {}: {}", ForwardingMBean.NAME, e.getMessage());
        }
    }

    @Modified
    void modified(ForwardConfiguration config) {
        stopLoop();
        configure(config);
    }

    /** A bad forwarding setting stops forwarding, not the status service: it shows as the last error. */
    private void configure(ForwardConfiguration config) {
        ForwardSettings newSettings;
        try {
            newSettings = ForwardSettings.from(config);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            counters.failed("configuration: " + e.getMessage());
            LOG.error("Audit forwarding not started, the configuration of no.kjernebro.audit is invalid: {}",
                    e.getMessage());
            settings = null;
            return;
        }
        start(newSettings);
    }

    @Deactivate
    void deactivate() {
        if (mbean != null) {
            try {
                ForwardingMBean.unregister(mbean);
            } catch (JMException e) {
                LOG.debug("Forwarding MBean already gone: {}", e.getMessage());
            }
            mbean = null;
        }
        stopLoop();
    }

    /** Starts forwarding with {@code newSettings} (or only records them, when forwarding is disabled). */
    synchronized void start(ForwardSettings newSettings) {
        settings = newSettings;
        if (!newSettings.enabled()) {
            LOG.info("Forwarding of audit events is disabled; records wait in the outbox");
            return;
        }
        AuditForwarder forwarder = new AuditForwarder(new AuditOutbox(dataSource), mapper, newSettings, clock, counters);
        loop = new ForwardingLoop(forwarder, newSettings, counters);
        loop.start();
    }

    synchronized void stopLoop() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

    /** The counters the status reports, for a forwarder built outside the component (tests, benchmark). */
    ForwardingCounters counters() {
        return counters;
    }

    @Override
    public ForwardingStatus status() throws SQLException {
        ForwardSettings current = settings;
        AuditOutbox.Counts counts = new AuditOutbox(dataSource).counts();
        return new ForwardingStatus(current != null && current.enabled(),
                current == null ? null : current.endpointForDisplay(), counts.backlog(), counts.oldestPending(),
                counts.failing(), counters.delivered(), counters.lastError());
    }
}
