package no.kjernebro.medicationsweep.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.varsling.Legemiddelvarsling;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingException;
import no.kjernebro.api.varsling.VarslingForesporsel;
import no.kjernebro.api.varsling.VarslingSvar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of one sweep: read the next patients after the cursor, ask Legemiddelvarsling, commit the
 * answers with the advanced cursor. Failures are recorded on the run: an unavailable service is retried
 * with backoff, a refusal (tenant or adapter not enabled) interrupts the sweep at once; either way the
 * cursor stays at the last committed batch.
 */
final class SweepEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SweepEngine.class);

    private final SweepRunStore runs;
    private final BatchStore batches;
    private final Legemiddelvarsling varsling;
    private final Backoff backoff;
    private final Clock clock;

    SweepEngine(SweepRunStore runs, BatchStore batches, Legemiddelvarsling varsling, Backoff backoff, Clock clock) {
        this.runs = runs;
        this.batches = batches;
        this.varsling = varsling;
        this.backoff = backoff;
        this.clock = clock;
    }

    Step step(String sweepId) throws SQLException {
        Optional<SweepRun> found = runs.find(sweepId);
        if (found.isEmpty() || found.get().state() != SweepState.RUNNING) {
            return new Step.Ended(false);
        }
        SweepRun run = found.get();
        int size = Math.max(1, varsling.maxBatchSize());
        List<PasientSjekk> page = batches.page(run.kommunenummer(), run.cursorFnr(), size);
        if (page.isEmpty()) {
            boolean ended = runs.finish(sweepId, run.patientsDone(), clock.instant());
            return new Step.Ended(ended);
        }
        List<VarslingSvar> answers;
        try {
            answers = varsling.sjekk(new VarslingForesporsel(run.kommunenummer(), run.initiator().id(), run.adapterId(),
                    page, sweepId + "/" + (run.batches() + 1)));
            checkAnswers(page, answers);
        } catch (VarslingException e) {
            return failed(run, e.error(), e.getMessage());
        } catch (AnswerMismatch e) {
            return failed(run, ErrorCode.INTERNAL_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            // the service's contract says it never throws for bad input: a fault worth retrying. Only the
            // type is kept: the message might quote a patient.
            return failed(run, ErrorCode.INTERNAL_ERROR, "Legemiddelvarsling failed: " + e.getClass().getSimpleName());
        }
        boolean last = page.size() < size;
        if (!batches.commit(run, page, answers, clock.instant(), last)) {
            LOG.warn("Sweep {}: batch {} was not committed, the run moved on meanwhile", sweepId, run.batches() + 1);
            return new Step.Ended(false);
        }
        return last ? new Step.Ended(true) : new Step.Next();
    }

    private Step failed(SweepRun run, ErrorCode error, String message) throws SQLException {
        ErrorCode code = error == null ? ErrorCode.INTERNAL_ERROR : error;
        int attempts = run.attempts() + 1;
        // 4xx: the municipality or adapter is refused; retrying will not help until an operator acts
        boolean refused = code.httpStatus() < 500;
        boolean interrupt = refused || backoff.exhausted(attempts);
        String text = message == null || message.isBlank() ? code.description() : message;
        runs.recordFailure(run.sweepId(), attempts, code.name(), text, interrupt, clock.instant());
        if (interrupt) {
            LOG.warn("Sweep {} for {} interrupted after attempt {} of batch {}: {}; it resumes from patient {} on the"
                    + " next start", run.sweepId(), run.kommunenummer(), attempts, run.batches() + 1, code,
                    run.patientsDone());
            return new Step.Ended(true);
        }
        LOG.info("Sweep {} for {}: batch {} failed ({}), attempt {}; retrying", run.sweepId(), run.kommunenummer(),
                run.batches() + 1, code, attempts);
        return new Step.RetryAfter(backoff.after(attempts));
    }

    private static final class AnswerMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerMismatch(String message) {
            super(message);
        }
    }

    private static void checkAnswers(List<PasientSjekk> asked, List<VarslingSvar> answers) {
        if (answers == null || answers.size() != asked.size()) {
            throw new AnswerMismatch("Legemiddelvarsling answered " + (answers == null ? 0 : answers.size())
                    + " patients for " + asked.size());
        }
        for (int i = 0; i < asked.size(); i++) {
            if (!asked.get(i).fnr().equals(answers.get(i).fnr())) {
                throw new AnswerMismatch("Legemiddelvarsling answered out of order at position " + i);
            }
        }
    }
}
