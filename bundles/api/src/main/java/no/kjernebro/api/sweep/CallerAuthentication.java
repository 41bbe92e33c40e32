package no.kjernebro.api.sweep;

import java.util.Optional;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks an EPJ system's credential for a municipality outside a lookup, with exactly the rules
 * {@link no.kjernebro.api.lookup.LookupService} applies: the municipality is known and enabled, the
 * credential matches one of its stored hashes and the adapter is enabled for it. Implemented by core
 * (which owns the tenant directory); used by services that answer EPJ systems without naming a patient,
 * such as the medication sweep. It records nothing: the caller audits what it does.
 */
@ProviderType
public interface CallerAuthentication {

    /**
     * @param credential what the EPJ presented; null when it presented nothing
     * @param kommunenummer the municipality the EPJ acts for
     * @param adapterId the adapter the request came through
     * @return empty when the caller may act for the municipality through the adapter, otherwise the
     *         reason: {@link ErrorCode#MISSING_CREDENTIAL}, {@link ErrorCode#BAD_CREDENTIAL},
     *         {@link ErrorCode#UNKNOWN_TENANT}, {@link ErrorCode#TENANT_DISABLED} or
     *         {@link ErrorCode#ADAPTER_NOT_ENABLED}
     */
    Optional<ErrorCode> authenticate(CallerCredential credential, String kommunenummer, String adapterId);
}
