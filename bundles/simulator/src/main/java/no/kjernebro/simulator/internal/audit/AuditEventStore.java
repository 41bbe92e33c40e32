package no.kjernebro.simulator.internal.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AuditEvents received, in arrival order, keyed by id so a re-sent event is stored once.
 * Bounded: a long demo run drops the oldest events rather than growing without limit.
 */
final class AuditEventStore {

    private final int capacity;
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();

    AuditEventStore(int capacity) {
        this.capacity = capacity;
    }

    /** Stores the event; false when an event with the same id was already received. */
    synchronized boolean add(String id, ObjectNode event) {
        if (events.containsKey(id)) {
            return false;
        }
        events.put(id, event);
        while (events.size() > capacity) {
            events.remove(events.keySet().iterator().next());
        }
        return true;
    }

    synchronized List<ObjectNode> all() {
        return new ArrayList<>(events.values());
    }
}
