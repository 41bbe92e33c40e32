package no.kjernebro.audit.internal.forward;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import no.kjernebro.api.audit.ForwardingStatus;

/** {@link AuditForwardingMBean} over a {@link ForwardingStatusSource}, on the platform MBeanServer. */
final class ForwardingMBean implements AuditForwardingMBean {

    static final String NAME = "no.kjernebro:type=AuditForwarding";

    private final ForwardingStatusSource source;
    private final Clock clock;

    ForwardingMBean(ForwardingStatusSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Registers, replacing a stale registration a previous instance left behind. */
    ObjectName register() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(this, AuditForwardingMBean.class), name);
        return name;
    }

    static void unregister(ObjectName name) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    @Override
    public long getBacklog() {
        return status().backlog();
    }

    @Override
    public long getOldestPendingAgeSeconds() {
        ForwardingStatus status = status();
        return status.oldestPending() == null ? 0
                : Math.max(0, Duration.between(status.oldestPending(), clock.instant()).toSeconds());
    }

    @Override
    public long getDelivered() {
        return status().delivered();
    }

    @Override
    public long getFailingRecords() {
        return status().failingRecords();
    }

    @Override
    public String getLastError() {
        return status().lastError();
    }

    @Override
    public boolean isEnabled() {
        return status().enabled();
    }

    private ForwardingStatus status() {
        try {
            return source.status();
        } catch (SQLException e) {
            // JMX clients get the message; SQL messages may echo values, so it is masked
            throw new IllegalStateException("audit outbox unreadable: " + ErrorText.safe(e.getMessage(), 200));
        }
    }
}
