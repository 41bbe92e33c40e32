package no.kjernebro.audit.internal;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers queue their entries and wait; one committer thread takes every waiting
 * request (up to {@code maxGroup} entries) into one transaction and hands each caller its own
 * receipts. Under load many appends share one commit, and so one disk flush, while every caller
 * still returns only after its records are committed. A request keeps its entries together and in
 * order, so a caller's batch is never interleaved with another's.
 * <p>
 * Waiting is bounded: a caller whose request was not taken within {@code commitTimeout} withdraws
 * it (nothing is written); one whose transaction is under way when the time is up is told the
 * outcome is unknown. Either way the caller fails closed.
 */
final class GroupCommitter implements AutoCloseable {

    /** Commits a list of entries in one transaction, all or none. */
    @FunctionalInterface
    interface Sink {
        List<AuditReceipt> commit(List<AuditEntry> entries) throws SQLException;
    }

    /**
     * @param maxGroup most entries in one transaction (a larger single request goes alone)
     * @param commitTimeout how long a caller waits for its commit
     * @param maxQueued entries allowed to wait; beyond that appends are refused at once
     */
    record Settings(int maxGroup, Duration commitTimeout, int maxQueued) {
        Settings {
            if (maxGroup < 1 || maxQueued < 1 || commitTimeout.isNegative() || commitTimeout.isZero()) {
                throw new IllegalArgumentException("store.maxGroupSize, store.maxQueued and store.commitTimeoutMs"
                        + " must be positive");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;

    private final Sink sink;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEntries = new AtomicInteger();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong committedEntries = new AtomicLong();
    private final Thread thread;
    private volatile Settings settings;
    private volatile boolean running = true;

    GroupCommitter(Sink sink, Settings settings, String name) {
        this.sink = sink;
        this.settings = settings;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void update(Settings newSettings) {
        this.settings = newSettings;
    }

    /**
     * Commits the entries (in order, all or none) and returns their receipts.
     *
     * @throws SQLException when they were not committed, or the outcome is unknown after the timeout
     */
    List<AuditReceipt> commit(List<AuditEntry> entries) throws SQLException {
        Settings current = settings;
        if (!running) {
            throw new SQLException("the audit log is stopping", "08003");
        }
        int waiting = queuedEntries.addAndGet(entries.size());
        // a single request larger than the limit is still taken when nothing else waits
        if (waiting > current.maxQueued() && waiting != entries.size()) {
            queuedEntries.addAndGet(-entries.size());
            throw new SQLTimeoutException("the audit store is overloaded: more than " + current.maxQueued()
                    + " records wait to be committed; nothing written");
        }
        Request request = new Request(entries);
        queue.add(request);
        // a request larger than a group is given the time of as many groups as it fills
        long groupsWorth = Math.max(1, (entries.size() + current.maxGroup() - 1) / current.maxGroup());
        long timeoutMs = current.commitTimeout().toMillis() * groupsWorth;
        try {
            return request.result.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (request.state.compareAndSet(QUEUED, WITHDRAWN)) {
                queuedEntries.addAndGet(-entries.size());
                throw new SQLTimeoutException("the audit store did not start the commit within "
                        + timeoutMs + " ms; nothing written");
            }
            throw new SQLTimeoutException("the audit commit did not finish within " + timeoutMs
                    + " ms; the record may still be committed");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException) {
                throw (SQLException) e.getCause();
            }
            throw new SQLException("the audit commit failed: " + LogSafe.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.state.compareAndSet(QUEUED, WITHDRAWN);
            throw new SQLException("interrupted while waiting for the audit commit", e);
        }
    }

    /** Transactions committed so far (for tests and benchmarks: fewer than appends means grouping). */
    long groupsCommitted() {
        return groups.get();
    }

    long entriesCommitted() {
        return committedEntries.get();
    }

    /** False once {@link #close} has begun. */
    boolean accepting() {
        return running;
    }

    /** Entries queued and not yet taken into a transaction. */
    int waitingEntries() {
        return queuedEntries.get();
    }

    private void run() {
        while (running) {
            List<Request> group;
            try {
                group = takeGroup();
            } catch (InterruptedException e) {
                break;
            }
            if (!group.isEmpty()) {
                commitGroup(group);
            }
        }
        failWaiting();
    }

    private List<Request> takeGroup() throws InterruptedException {
        List<Request> group = new ArrayList<>();
        int size = 0;
        int max = settings.maxGroup();
        Request next = queue.take();
        while (next != null && next != STOP) {
            if (next.state.compareAndSet(QUEUED, TAKEN)) {
                queuedEntries.addAndGet(-next.entries.size());
                group.add(next);
                size += next.entries.size();
            }
            Request peeked = queue.peek();
            if (peeked == null || peeked == STOP || size + peeked.entries.size() > max) {
                break;
            }
            next = queue.poll();
        }
        return group;
    }

    private void commitGroup(List<Request> group) {
        try {
            complete(group, sink.commit(flatten(group)));
        } catch (SQLException | RuntimeException e) {
            if (group.size() > 1 && !(e instanceof SQLException && AuditSchema.isConnectionFailure((SQLException) e))) {
                // One caller's entry may be what the database refused: do not fail the others for it.
                LOG.warn("A grouped audit commit of {} requests failed ({}); committing them one by one",
                        group.size(), LogSafe.describe(e));
                for (Request request : group) {
                    commitGroup(List.of(request));
                }
                return;
            }
            for (Request request : group) {
                request.result.completeExceptionally(e);
            }
        }
    }

    private void complete(List<Request> group, List<AuditReceipt> receipts) {
        groups.incrementAndGet();
        committedEntries.addAndGet(receipts.size());
        int from = 0;
        for (Request request : group) {
            int to = from + request.entries.size();
            request.result.complete(List.copyOf(receipts.subList(from, to)));
            from = to;
        }
    }

    private static List<AuditEntry> flatten(List<Request> group) {
        if (group.size() == 1) {
            return group.get(0).entries;
        }
        List<AuditEntry> all = new ArrayList<>();
        for (Request request : group) {
            all.addAll(request.entries);
        }
        return all;
    }

    private void failWaiting() {
        Request request;
        while ((request = queue.poll()) != null) {
            request.result.completeExceptionally(new SQLException("the audit log stopped", "08003"));
        }
    }

    /**
     * Stops after the transaction under way, failing whatever still waits. The thread is woken with
     * a marker, never interrupted: an interrupt during file I/O makes H2 close the database.
     */
    @Override
    public void close() {
        running = false;
        queue.add(STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }

    private static final Request STOP = new Request(List.of());

    private static final class Request {
        final List<AuditEntry> entries;
        final CompletableFuture<List<AuditReceipt>> result = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(QUEUED);

        Request(List<AuditEntry> entries) {
            this.entries = entries;
        }
    }
}
