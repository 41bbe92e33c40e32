package no.kjernebro.medicationsweep.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepStatus;

/** What a schedule needs from the sweep service; a bundle-private service, so never seen outside. */
interface SweepScheduling {

    /** Runs the task at the given time on the service's pool; cancel the future to drop it. */
    Future<?> at(Instant when, Runnable task);

    /** When the municipality's latest sweep was created. */
    Optional<Instant> lastStarted(String kommunenummer) throws SQLException;

    SweepStatus start(Initiator initiator, String kommunenummer, String adapterId, String callbackUrl)
            throws SweepException;
}
