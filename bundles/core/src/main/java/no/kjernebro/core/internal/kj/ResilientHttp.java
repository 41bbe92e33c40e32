package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one logical upstream call with everything that keeps Kjernebro up when NHN is not: the 429
 * cool-down, the tenant's bulkhead, the API's circuit breaker, a timeout bounded by the lookup's
 * deadline, and retries of idempotent calls with exponential backoff and full jitter. Returns any
 * answer the caller must judge (2xx and 4xx except 429); turns everything else into a
 * {@link KjernejournalException}.
 *
 * <p>What counts against the breaker: no answer (connect failure, timeout, broken connection), 5xx
 * and 429. A 4xx is NHN working as designed, and an oversized answer is about one patient, not the
 * service.
 */
final class ResilientHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    private final HttpTransport transport;
    private final KjernejournalSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final TenantBulkhead bulkhead;
    private final Cooldowns cooldowns;
    private final Map<Upstream, CircuitBreaker> breakers = new EnumMap<>(Upstream.class);
    private final ClientStatistics stats;

    ResilientHttp(HttpTransport transport, KjernejournalSettings settings, Clock clock, Sleeper sleeper,
                  Backoff backoff, ClientStatistics stats) {
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.stats = stats;
        this.bulkhead = new TenantBulkhead(settings.bulkheadMaxConcurrent(), settings.bulkheadMaxWaitMs());
        this.cooldowns = new Cooldowns(clock);
        for (Upstream u : Upstream.values()) {
            if (u != Upstream.HELSEID_TOKEN) { // kept per tenant by SystemTokenCalls
                breakers.put(u, new CircuitBreaker(u.key(), settings.upstream(u).breaker(), clock));
            }
        }
    }

    CircuitBreaker breaker(Upstream u) {
        return breakers.get(u);
    }

    TenantBulkhead bulkhead() {
        return bulkhead;
    }

    HttpAnswer execute(Tenant tenant, HttpCall call, Deadline deadline) throws KjernejournalException {
        Upstream api = call.upstream();
        UpstreamSettings s = settings.upstream(api);
        int maxAttempts = api.idempotent() ? s.maxAttempts() : 1;
        String what = api.key();
        for (int attempt = 1; ; attempt++) {
            cooldowns.check(api, tenant.kommunenummer());
            if (deadline.passed()) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, what
                        + ": the lookup's deadline passed before attempt " + attempt);
            }
            HttpAnswer answer = null;
            TransportFailure failure = null;
            try (TenantBulkhead.Permit place = bulkhead.acquire(tenant.kommunenummer())) {
                CircuitBreaker breaker = breakers.get(api);
                CircuitBreaker.Permit permit = breaker.tryAcquire();
                if (permit == null) {
                    stats.failedFast.incrementAndGet();
                    throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, what
                            + ": circuit breaker open after repeated failures; failing fast");
                }
                stats.attempts.incrementAndGet();
                Duration timeout = min(s.responseTimeout(), deadline.remaining());
                try {
                    answer = transport.send(call, timeout, s.maxResponseBytes());
                } catch (TransportFailure f) {
                    failure = f;
                } catch (RuntimeException e) {
                    breaker.onFailure(permit);
                    throw e;
                }
                boolean upstreamFailed = failure != null ? failure.retriable()
                        : answer.status() >= 500 || answer.status() == 429;
                if (upstreamFailed) {
                    breaker.onFailure(permit);
                } else {
                    breaker.onSuccess(permit);
                }
            }
            if (answer != null && answer.status() == 429) {
                stats.rateLimited.incrementAndGet();
                Duration wait = retryAfter(answer);
                cooldowns.coolDown(api, tenant.kommunenummer(), wait);
                if (attempt < maxAttempts && wait.compareTo(deadline.remaining()) < 0) {
                    pause(what, wait);
                    continue;
                }
                throw new KjernejournalException(ErrorCode.TOO_MANY_REQUESTS, what + ": NHN answered 429; retry after "
                        + wait.toSeconds() + " s");
            }
            boolean retriable = failure != null ? failure.retriable() : answer.status() >= 500;
            if (retriable && attempt < maxAttempts) {
                Duration wait = backoff.delay(attempt);
                if (wait.compareTo(deadline.remaining()) < 0) {
                    LOG.debug("{} attempt {} failed ({}); retrying in {} ms", what, attempt,
                            failure != null ? failure.getMessage() : "HTTP " + answer.status(), wait.toMillis());
                    pause(what, wait);
                    continue;
                }
            }
            if (failure != null) {
                throw failure.kind() == TransportFailure.Kind.TOO_LARGE
                        ? new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, failure.getMessage(), failure)
                        : new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, failure.getMessage()
                                + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), failure);
            }
            if (answer.status() >= 500) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, what + ": NHN answered "
                        + answer.status() + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
            }
            return answer;
        }
    }

    private void pause(String what, Duration wait) throws KjernejournalException {
        stats.retries.incrementAndGet();
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, what + ": interrupted while waiting to retry");
        }
    }

    private Duration retryAfter(HttpAnswer answer) {
        Duration wait = RetryAfter.parse(answer.header("Retry-After"), clock.instant())
                .orElse(settings.defaultRetryAfter());
        return min(wait, settings.maxRetryAfter());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
