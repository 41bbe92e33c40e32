package no.kjernebro.audit.internal.forward;

/**
 * JMX view of the forwarding outbox, {@code no.kjernebro:type=AuditForwarding}, for monitoring that
 * alerts on a growing backlog. Values are read from the database on each access.
 */
public interface AuditForwardingMBean {

    /** Records committed but not yet accepted by the receiver. */
    long getBacklog();

    /** Seconds since the oldest waiting record was committed; 0 when none waits. */
    long getOldestPendingAgeSeconds();

    /** Records delivered since this node started. */
    long getDelivered();

    /** Waiting records with at least one failed attempt. */
    long getFailingRecords();

    /** The last delivery error with its time, or null. */
    String getLastError();

    /** Whether forwarding is enabled. */
    boolean isEnabled();
}
