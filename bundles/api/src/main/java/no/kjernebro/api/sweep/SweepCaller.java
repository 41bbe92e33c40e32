package no.kjernebro.api.sweep;

import java.util.Objects;
import no.kjernebro.api.lookup.CallerCredential;

/**
 * An EPJ system acting for a municipality through an adapter. The credential is checked by
 * {@link CallerAuthentication} on every call; {@link #toString()} never shows it.
 *
 * @param credential what the EPJ presented (may be null: refused with MISSING_CREDENTIAL)
 * @param kommunenummer the municipality the EPJ acts for
 * @param adapterId the adapter the request came through
 * @param system the EPJ's name and version as it identifies itself, for the audit trail; may be null
 */
public record SweepCaller(CallerCredential credential, String kommunenummer, String adapterId, String system) {
    public SweepCaller {
        Objects.requireNonNull(adapterId, "adapterId");
    }
}
