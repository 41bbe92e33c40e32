package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * What a 429 answer asked of us: no call to that API for that municipality before the time it named.
 * Calls in the cool-down fail fast with TOO_MANY_REQUESTS instead of adding to NHN's load. Kept per
 * tenant as well as per API because NHN limits per client (organisation).
 */
final class Cooldowns {

    private final Clock clock;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

    Cooldowns(Clock clock) {
        this.clock = clock;
    }

    void coolDown(Upstream api, String kommunenummer, Duration wait) {
        Instant until = clock.instant().plus(wait);
        notBefore.merge(key(api, kommunenummer), until, (a, b) -> a.isAfter(b) ? a : b);
    }

    void check(Upstream api, String kommunenummer) throws KjernejournalException {
        Instant until = notBefore.get(key(api, kommunenummer));
        if (until == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            throw new KjernejournalException(ErrorCode.TOO_MANY_REQUESTS, api.key() + ": NHN asked us to wait until "
                    + until + " (429 Retry-After); not calling before then");
        }
        notBefore.remove(key(api, kommunenummer), until);
    }

    private static String key(Upstream api, String kommunenummer) {
        return api.key() + "|" + kommunenummer;
    }
}
