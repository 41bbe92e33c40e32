package no.kjernebro.audit.internal.forward;

import java.sql.SQLException;
import no.kjernebro.api.audit.ForwardingStatus;

/**
 * The forwarding outbox's state, for the AuditTrail service, the shell and metrics. Registered as an
 * OSGi service (bundle-internal; the package is not exported) by the forwarding component.
 */
public interface ForwardingStatusSource {

    /** Backlog, oldest pending record, failing records, deliveries since start and the last error. */
    ForwardingStatus status() throws SQLException;
}
