package no.kjernebro.core.internal.helseid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.KjernejournalException;

/**
 * System tokens by client, scope, organisation and DPoP key, kept until shortly before they expire.
 * Single flight: the first caller that misses fetches, every concurrent caller for the same key waits
 * for that fetch and shares its outcome; a failed fetch is forgotten at once so the next call retries.
 */
final class TokenCache {

    /** What identifies a token: the same client acting for the same organisation, bound to the same DPoP key. */
    record Key(String clientId, String scope, String orgnr, String dpopThumbprint) {
    }

    interface Fetch {
        AccessToken fetch() throws KjernejournalException;
    }

    private record Entry(AccessToken token, Instant renewAfter) {
    }

    private final ConcurrentMap<Key, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration margin;

    TokenCache(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    AccessToken get(Key key, Fetch fetch) throws KjernejournalException {
        while (true) {
            CompletableFuture<Entry> current = entries.get(key);
            if (current != null && !current.isDone()) {
                return await(current).token();
            }
            if (current != null && !current.isCompletedExceptionally()
                    && clock.instant().isBefore(current.join().renewAfter())) {
                return current.join().token();
            }
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            boolean claimed = current == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, current, mine);
            if (!claimed) {
                continue; // another caller got there first: use (or wait for) its fetch
            }
            try {
                AccessToken token = fetch.fetch();
                mine.complete(new Entry(token, renewAfter(token)));
                return token;
            } catch (KjernejournalException | RuntimeException e) {
                entries.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    /** Forgets the tokens whose key matches (after a resource server refused one). */
    void forget(Predicate<Key> which) {
        entries.keySet().removeIf(which);
    }

    int size() {
        return entries.size();
    }

    // A margin as long as the token's whole life would refetch on every call: keep at least half of it.
    private Instant renewAfter(AccessToken token) {
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, token.expiresAt());
        Duration keep = margin.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : margin;
        return token.expiresAt().minus(keep);
    }

    private static Entry await(CompletableFuture<Entry> inFlight) throws KjernejournalException {
        try {
            return inFlight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KjernejournalException k) {
                // the fetch this caller shared failed: each caller gets its own exception with the same cause
                throw new KjernejournalException(k.error(), k.getMessage(), k);
            }
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    "HelseID token request failed: " + e.getCause(), e.getCause());
        }
    }
}
