package no.kjernebro.api.lookup;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one way to look up kjernejournal. Implemented by core; called by adapter routes, which only
 * translate. Core authenticates the caller, checks tenant and adapter, validates, applies the access
 * policy, commits the audit record and only then returns data. Methods never throw for bad input or
 * unavailable services: every problem is an outcome with an {@link ErrorCode}.
 */
@ProviderType
public interface LookupService {

    /** Performs a lookup on behalf of the caller that presented {@code credential} (may be null). */
    LookupOutcome lookup(CallerCredential credential, LookupRequest request);

    /**
     * Records a request the adapter could not translate: authenticates the caller as far as possible
     * and audits the refusal when a patient is named. Returns the refusal to render.
     */
    LookupOutcome reject(CallerCredential credential, RejectedRequest rejected);
}
