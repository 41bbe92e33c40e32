package no.kjernebro.audit.internal;

import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ChainVerification;

/** What the benchmarks (package {@code bench}) need from package-private classes. */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** An activated AuditLog (grouped commits, durability on) over the DataSource; close it with {@link #stop}. */
    public static no.kjernebro.api.audit.AuditLog startLog(DataSource dataSource) {
        JdbcAuditLog log = new JdbcAuditLog(dataSource);
        log.activate(TestAuditConfiguration.noForwarding().commitTimeoutMs(60_000));
        return log;
    }

    public static void stop(no.kjernebro.api.audit.AuditLog log) {
        ((JdbcAuditLog) log).deactivate();
    }

    /** Transactions the log's committer ran. */
    public static long groups(no.kjernebro.api.audit.AuditLog log) {
        return ((JdbcAuditLog) log).groupsCommitted();
    }

    /** Verifies one chain, without checkpoint keys. */
    public static ChainVerification verify(DataSource dataSource, String chain) throws AuditUnavailableException {
        AuditTrailService trail = new AuditTrailService(dataSource, Clock.systemUTC());
        trail.useKeys(CheckpointKeys.verifyOnly(java.util.Map.of()));
        return trail.verify(chain);
    }

    /** True when every chain in the store verifies. */
    public static boolean allChainsIntact(DataSource dataSource) throws SQLException, AuditUnavailableException {
        AuditTrailService trail = new AuditTrailService(dataSource, Clock.systemUTC());
        trail.useKeys(CheckpointKeys.verifyOnly(java.util.Map.of()));
        for (String chain : trail.chains()) {
            ChainVerification result = trail.verify(chain);
            if (!result.intact()) {
                System.out.println(result.detail());
                return false;
            }
        }
        return true;
    }
}
