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
