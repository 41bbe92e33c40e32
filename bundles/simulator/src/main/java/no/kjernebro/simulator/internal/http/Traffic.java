package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * Counters tests read through {@code GET /sim/stats} (token fetches per lookup, Helseindikator calls
 * saved by ticket reuse, ...) and the recent clinical accesses with the consents they carried
 * ({@code GET /sim/accesses}). Nothing here holds an identity number in clear.
 */
public final class Traffic {

    private static final int ACCESS_CAPACITY = 1_000;

    private final Clock clock;
    private final Map<Api, AtomicLong> requests = new EnumMap<>(Api.class);
    private final Map<Api, AtomicLong> faults = new EnumMap<>(Api.class);
    private final Map<Api, AtomicLong> nonceChallenges = new EnumMap<>(Api.class);
    private final Map<String, AtomicLong> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> tokensIssued = new ConcurrentHashMap<>();
    private final AtomicLong ticketsIssued = new AtomicLong();
    private final Deque<ObjectNode> accesses = new ArrayDeque<>();
    private volatile Instant since;

    public Traffic(Clock clock) {
        this.clock = clock;
        for (Api api : Api.values()) {
            requests.put(api, new AtomicLong());
            faults.put(api, new AtomicLong());
            nonceChallenges.put(api, new AtomicLong());
        }
        since = clock.instant();
    }

    void request(Api api) {
        requests.get(api).incrementAndGet();
    }

    void faultApplied(Api api) {
        faults.get(api).incrementAndGet();
    }

    void response(Api api, int status) {
        responses.computeIfAbsent(api.id() + " " + status, k -> new AtomicLong()).incrementAndGet();
    }

    /** A {@code use_dpop_nonce} answer on the API. */
    public void nonceChallenge(Api api) {
        nonceChallenges.get(api).incrementAndGet();
    }

    /** @param tokenType {@code Bearer} or {@code DPoP} */
    public void tokenIssued(String tokenType) {
        tokensIssued.computeIfAbsent(tokenType, k -> new AtomicLong()).incrementAndGet();
    }

    public void ticketIssued() {
        ticketsIssued.incrementAndGet();
    }

    /** Records a clinical access (already masked); the newest {@value #ACCESS_CAPACITY} are kept. */
    public synchronized void access(ObjectNode access) {
        access.put("at", clock.instant().toString());
        accesses.addLast(access);
        while (accesses.size() > ACCESS_CAPACITY) {
            accesses.removeFirst();
        }
    }

    public synchronized void reset() {
        requests.values().forEach(c -> c.set(0));
        faults.values().forEach(c -> c.set(0));
        nonceChallenges.values().forEach(c -> c.set(0));
        responses.clear();
        tokensIssued.clear();
        ticketsIssued.set(0);
        accesses.clear();
        since = clock.instant();
    }

    ObjectNode stats() {
        ObjectNode node = Json.object().put("since", since.toString());
        ObjectNode perApi = node.putObject("requests");
        requests.forEach((api, count) -> perApi.put(api.id(), count.get()));
        ObjectNode byStatus = node.putObject("responses");
        new TreeMap<>(responses).forEach((key, count) -> {
            String[] parts = key.split(" ");
            ObjectNode forApi = byStatus.has(parts[0]) ? (ObjectNode) byStatus.get(parts[0]) : byStatus.putObject(parts[0]);
            forApi.put(parts[1], count.get());
        });
        ObjectNode faulted = node.putObject("faultsApplied");
        faults.forEach((api, count) -> faulted.put(api.id(), count.get()));
        ObjectNode nonces = node.putObject("dpopNonceChallenges");
        nonceChallenges.forEach((api, count) -> nonces.put(api.id(), count.get()));
        node.put("tokenRequests", requests.get(Api.HELSEID_TOKEN).get());
        ObjectNode issued = node.putObject("tokensIssued").put("Bearer", 0).put("DPoP", 0);
        tokensIssued.forEach((type, count) -> issued.put(type, count.get()));
        node.put("helseindikatorCalls", requests.get(Api.HELSEINDIKATOR).get());
        node.put("ticketsIssued", ticketsIssued.get());
        return node;
    }

    /** {@code GET /sim/stats} and {@code DELETE /sim/stats}. */
    public void handleStats(Exchange exchange) {
        String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        if ("DELETE".equalsIgnoreCase(method)) {
            reset();
        } else if (!"GET".equalsIgnoreCase(method)) {
            throw HttpProblem.oauth(405, "invalid_request", "GET or DELETE");
        }
        Responses.json(exchange, 200, stats());
    }

    /** {@code GET /sim/accesses}: the recent clinical accesses, oldest first. */
    public synchronized void listAccesses(Exchange exchange) {
        ObjectNode node = Json.object().put("count", accesses.size());
        ArrayNode list = node.putArray("accesses");
        accesses.forEach(list::add);
        Responses.json(exchange, 200, node);
    }
}
