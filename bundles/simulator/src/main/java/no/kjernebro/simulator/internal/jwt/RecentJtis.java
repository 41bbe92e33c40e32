package no.kjernebro.simulator.internal.jwt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jti}s of assertions or proofs seen recently, so a replayed one is refused. An entry is only
 * needed until its assertion expires (an expired one is refused anyway); the cap bounds memory if a
 * client floods the endpoint.
 */
public final class RecentJtis {

    private final int capacity;
    private final Map<String, Long> expiryByJti = new LinkedHashMap<>();

    public RecentJtis(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Remembers a jti.
     *
     * @return false when it was already seen (a replay)
     */
    public synchronized boolean firstUse(String clientId, String jti, long expiresAtEpochSecond, long nowEpochSecond) {
        evict(nowEpochSecond);
        String key = clientId + '\n' + jti;
        if (expiryByJti.containsKey(key)) {
            return false;
        }
        expiryByJti.put(key, expiresAtEpochSecond);
        return true;
    }

    private void evict(long now) {
        Iterator<Map.Entry<String, Long>> it = expiryByJti.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> entry = it.next();
            if (entry.getValue() < now || expiryByJti.size() >= capacity) {
                it.remove();
            }
        }
    }

    public synchronized int size() {
        return expiryByJti.size();
    }
}
