package no.kjernebro.audit.internal;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.ChainVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes signed checkpoints of chain heads. A checkpoint only signs what verifies: the records
 * since the chain's newest genuine checkpoint (or its start) are walked first, so a signature never
 * blesses a chain someone altered in between.
 */
final class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final DataSource dataSource;
    private final CheckpointKeys keys;
    private final Clock clock;

    Checkpointer(DataSource dataSource, CheckpointKeys keys, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.clock = clock;
    }

    /** Writes a checkpoint for every chain whose head moved past its newest checkpoint; returns how many. */
    int checkpointMovedChains() throws SQLException {
        if (!keys.canSign()) {
            return 0;
        }
        int written = 0;
        for (AuditRecordStore.ChainHead head : new AuditRecordStore(dataSource).chainHeads()) {
            try (Connection con = dataSource.getConnection()) {
                List<AuditCheckpoint> newest = CheckpointStore.newestFirst(con, head.chain(), 1);
                if (head.lastChainSeq() > 0
                        && (newest.isEmpty() || newest.get(0).chainSeq() < head.lastChainSeq())) {
                    if (write(con, head.chain()).isPresent()) {
                        written++;
                    }
                }
            } catch (IllegalStateException refused) {
                LOG.error("No checkpoint for audit chain {}: {}", head.chain(), refused.getMessage());
            }
        }
        return written;
    }

    /**
     * Signs the chain's current head and stores the checkpoint.
     *
     * @throws IllegalStateException without a signing key, or when the chain does not verify
     */
    AuditCheckpoint checkpoint(String chain) throws SQLException {
        if (!keys.canSign()) {
            throw new IllegalStateException("no checkpoint key is configured (checkpoint.keyFile, checkpoint.keyId)");
        }
        try (Connection con = dataSource.getConnection()) {
            return write(con, chain).orElseThrow(() -> new IllegalArgumentException("chain " + chain
                    + " has no records to checkpoint"));
        }
    }

    private Optional<AuditCheckpoint> write(Connection con, String chain) throws SQLException {
        Optional<AuditRecordStore.ChainHead> found = AuditRecordStore.chainHead(con, chain);
        if (found.isEmpty() || found.get().lastChainSeq() == 0) {
            return Optional.empty();
        }
        AuditRecordStore.ChainHead head = found.get();
        for (AuditCheckpoint existing : CheckpointStore.at(con, chain, head.lastChainSeq())) {
            if (existing.keyId().equals(keys.keyId()) && existing.headHash().equals(head.lastHash())
                    && keys.verify(existing).isEmpty()) {
                return Optional.of(existing);
            }
        }
        verifySinceLastCheckpoint(con, head);
        try {
            AuditCheckpoint checkpoint = keys.sign(chain, head.lastChainSeq(), head.lastHash(), head.lastChainSeq(),
                    clock.instant());
            if (CheckpointStore.insert(con, checkpoint)) {
                LOG.info("Audit checkpoint written: chain {} position {} (key {})", chain, head.lastChainSeq(),
                        keys.keyId());
                return Optional.of(checkpoint);
            }
            // another node signed the same position with the same key a moment ago
            return CheckpointStore.at(con, chain, head.lastChainSeq()).stream()
                    .filter(c -> c.keyId().equals(keys.keyId())).findFirst();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint could not be signed: " + e.getMessage(), e);
        }
    }

    private void verifySinceLastCheckpoint(Connection con, AuditRecordStore.ChainHead head) throws SQLException {
        ChainVerifier.Walk walk = new ChainVerifier.Walk(head.chain(), keys);
        boolean started = false;
        for (AuditCheckpoint candidate : CheckpointStore.newestFirst(con, head.chain(), 10)) {
            if (candidate.chainSeq() <= head.lastChainSeq() && candidate.chainSeq() >= head.purgedThrough()
                    && keys.verify(candidate).isEmpty()) {
                walk.startAfter(candidate);
                started = true;
                break;
            }
        }
        if (!started && head.purgedThrough() > 0
                && !walk.anchorAt(head.purgedThrough(), CheckpointStore.at(con, head.chain(), head.purgedThrough()))) {
            throw refused(walk.result());
        }
        if (!ChainVerifier.walkTo(con, walk, head.lastChainSeq())) {
            throw refused(walk.result());
        }
        if (walk.last() != head.lastChainSeq() || !walk.lastHash().equals(head.lastHash())) {
            walk.end(head, null);
            throw refused(walk.result());
        }
    }

    private static IllegalStateException refused(ChainVerification problem) {
        return new IllegalStateException("chain " + problem.chain() + " does not verify, so it is not signed: "
                + problem.problem() + ": " + problem.detail());
    }
}
