package no.kjernebro.core.internal.kj;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * Helseindikator answers with their tickets, reused for the same tenant, patient, access basis and
 * consents within a short window instead of asking Helseindikator again: a nurse opening the summary
 * and then the medication list is one Helseindikator call, not two. A ticket is bound to the
 * organisation that asked for it, so the key holds the tenant (municipality, organisation number and
 * HelseID client) and a ticket never crosses tenants. Keys are SHA-256 digests, so the cache holds no
 * identity numbers. Bounded: the least recently used entry goes first.
 */
final class TicketCache {

    /** One reusable Helseindikator answer. */
    record Entry(Helseindikator indikator, String ticket, AccessBasis samtykkeSent, Instant reuseUntil) {
        @Override
        public String toString() {
            return "Ticket[status=" + indikator.status() + ", until " + reuseUntil + ", ****]";
        }
    }

    private final Clock clock;
    private final Duration reuse;
    private final int maxEntries;
    private final Map<String, Entry> entries;

    TicketCache(Clock clock, Duration reuse, int maxEntries) {
        this.clock = clock;
        this.reuse = reuse;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > TicketCache.this.maxEntries;
            }
        };
    }

    /** The key of a lookup; the same inputs always give the same key. */
    static String key(Tenant tenant, String fnr, AccessBasis samtykke, Samtykker samtykker) {
        String plain = tenant.kommunenummer() + '|' + tenant.orgnr() + '|' + tenant.helseIdClientId() + '|' + fnr
                + '|' + samtykke + '|' + samtykker.sperretKritiskInfo() + '|' + samtykker.sperretLegemidler()
                + '|' + samtykker.lasteResepter();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    boolean enabled() {
        return !reuse.isZero();
    }

    /** A reusable entry, or null. */
    synchronized Entry get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!clock.instant().isBefore(e.reuseUntil())) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    synchronized void put(String key, Helseindikator indikator, String ticket, AccessBasis samtykkeSent) {
        if (enabled() && ticket != null) {
            entries.put(key, new Entry(indikator, ticket, samtykkeSent, clock.instant().plus(reuse)));
        }
    }

    /** Forgets a ticket kjernejournal no longer knows (404 on a later call). */
    synchronized void evict(String key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
