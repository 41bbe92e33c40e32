package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grouping, ordering, isolation of failures and bounded waiting, with a sink the test controls. */
class GroupCommitterTest {

    private final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong seq = new AtomicLong();
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommitter committer;

    @AfterEach
    void stop() {
        firstMayFinish.countDown();
        if (committer != null) {
            committer.close();
        }
        callers.shutdownNow();
    }

    // The first transaction waits for the test, so later requests pile up behind it.
    private List<AuditReceipt> sink(List<AuditEntry> entries) throws SQLException {
        List<String> ids = entries.stream().map(AuditEntry::correlationId).toList();
        if (ids.contains("poison")) {
            throw new SQLException("value too long (injected)", "22001");
        }
        if (ids.contains("down")) {
            throw new SQLException("Connection refused", "08001");
        }
        if (firstStarted.getCount() > 0) {
            firstStarted.countDown();
            await(firstMayFinish);
        }
        transactions.add(ids);
        List<AuditReceipt> receipts = new ArrayList<>();
        for (String id : ids) {
            long n = seq.incrementAndGet();
            receipts.add(new AuditReceipt(id, n, "h" + n));
        }
        return receipts;
    }

    private GroupCommitter start(int maxGroup, int maxQueued) {
        committer = new GroupCommitter(this::sink, new GroupCommitter.Settings(maxGroup, Duration.ofSeconds(30),
                maxQueued), "test-committer");
        return committer;
    }

    @Test
    void requestsWaitingDuringACommitShareTheNextTransaction() throws Exception {
        start(100, 1000);
        Future<List<AuditReceipt>> first = submit("a");
        awaitWaiting(0);
        Future<List<AuditReceipt>> b = submit("b");
        awaitWaiting(1);
        Future<List<AuditReceipt>> c = submit("c1", "c2");
        awaitWaiting(3);
        Future<List<AuditReceipt>> d = submit("d");
        awaitWaiting(4);

        firstMayFinish.countDown();

        assertThat(ids(first)).containsExactly("a");
        assertThat(ids(b)).containsExactly("b");
        assertThat(ids(c)).containsExactly("c1", "c2");
        assertThat(ids(d)).containsExactly("d");
        assertThat(transactions).containsExactly(List.of("a"), List.of("b", "c1", "c2", "d"));
        assertThat(committer.groupsCommitted()).isEqualTo(2);
        assertThat(committer.entriesCommitted()).isEqualTo(5);
    }

    @Test
    void aGroupNeverExceedsTheMaximumAndARequestIsNeverSplit() throws Exception {
        start(3, 1000);
        Future<List<AuditReceipt>> first = submit("a");
        awaitWaiting(0);
        List<Future<List<AuditReceipt>>> rest = new ArrayList<>();
        rest.add(submit("b1", "b2"));
        awaitWaiting(2);
        rest.add(submit("c1", "c2"));
        awaitWaiting(4);
        rest.add(submit("d"));
        awaitWaiting(5);
        rest.add(submit("e1", "e2", "e3", "e4"));
        awaitWaiting(9);

        firstMayFinish.countDown();
        for (Future<List<AuditReceipt>> f : rest) {
            ids(f);
        }
        ids(first);

        assertThat(transactions).containsExactly(List.of("a"), List.of("b1", "b2"), List.of("c1", "c2", "d"),
                List.of("e1", "e2", "e3", "e4"));
    }

    @Test
    void anEntryTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        start(100, 1000);
        Future<List<AuditReceipt>> first = submit("a");
        awaitWaiting(0);
        Future<List<AuditReceipt>> good = submit("b");
        awaitWaiting(1);
        Future<List<AuditReceipt>> bad = submit("poison");
        awaitWaiting(2);
        Future<List<AuditReceipt>> alsoGood = submit("c");
        awaitWaiting(3);

        firstMayFinish.countDown();

        assertThat(ids(first)).containsExactly("a");
        assertThat(ids(good)).containsExactly("b");
        assertThat(ids(alsoGood)).containsExactly("c");
        assertThatThrownBy(() -> bad.get(1, TimeUnit.MINUTES)).hasRootCauseMessage("value too long (injected)");
    }

    @Test
    void aDatabaseThatIsDownFailsTheCallerAtOnce() {
        start(100, 1000);
        firstMayFinish.countDown();

        assertThatThrownBy(() -> committer.commit(List.of(entry("down"))))
                .isInstanceOf(SQLException.class).hasMessage("Connection refused");
    }

    @Test
    void beyondTheQueueLimitAppendsAreRefusedWithoutWaiting() throws Exception {
        start(100, 2);
        submit("a");
        awaitWaiting(0);
        submit("b");
        submit("c");
        awaitWaiting(2);

        assertThatThrownBy(() -> committer.commit(List.of(entry("d"))))
                .isInstanceOf(SQLException.class).hasMessageContaining("overloaded").hasMessageContaining("nothing written");
    }

    @Test
    void aCallerThatGivesUpWithdrawsItsEntriesAndTheyAreNeverCommitted() throws Exception {
        committer = new GroupCommitter(this::sink, new GroupCommitter.Settings(100, Duration.ofMillis(200), 1000),
                "test-committer");
        Future<List<AuditReceipt>> first = submit("a");
        awaitWaiting(0);

        assertThatThrownBy(() -> committer.commit(List.of(entry("late"))))
                .isInstanceOf(SQLException.class).hasMessageContaining("did not start the commit");
        assertThatThrownBy(() -> first.get(1, TimeUnit.MINUTES)).hasMessageContaining("may still be committed");
        firstMayFinish.countDown();
        assertThat(ids(submit("after"))).containsExactly("after");

        assertThat(transactions).containsExactly(List.of("a"), List.of("after"));
    }

    @Test
    void stoppingFailsWhatStillWaits() throws Exception {
        start(100, 1000);
        submit("a");
        awaitWaiting(0);
        Future<List<AuditReceipt>> waiting = submit("b");
        awaitWaiting(1);

        Future<?> closing = callers.submit(committer::close);
        while (committer.accepting()) {
            Thread.sleep(5);
        }
        firstMayFinish.countDown();
        closing.get(1, TimeUnit.MINUTES);

        assertThatThrownBy(() -> waiting.get(1, TimeUnit.MINUTES)).hasRootCauseMessage("the audit log stopped");
        assertThatThrownBy(() -> committer.commit(List.of(entry("c")))).hasMessageContaining("stopping");
    }

    private Future<List<AuditReceipt>> submit(String... ids) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String id : ids) {
            entries.add(entry(id));
        }
        return callers.submit(() -> committer.commit(entries));
    }

    private static AuditEntry entry(String correlationId) {
        AuditEntry e = TestEntries.lookup();
        return new AuditEntry(e.type(), e.time(), correlationId, e.kommunenummer(), e.orgnr(), e.adapterId(),
                e.sourceSystem(), e.actorType(), e.actorId(), e.actorName(), e.professionOrRole(), e.serviceContext(),
                e.accessBasis(), e.patientId(), e.sections(), e.outcome(), e.reasonCode(), e.reason(),
                e.markedForReview());
    }

    private static List<String> ids(Future<List<AuditReceipt>> future) throws Exception {
        return future.get(1, TimeUnit.MINUTES).stream().map(AuditReceipt::reference).toList();
    }

    // waits (without asserting on time) until the first transaction runs and n entries queue behind it
    private void awaitWaiting(int n) throws InterruptedException {
        firstStarted.await();
        while (committer.waitingEntries() != n) {
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
