package no.kjernebro.auditreview.internal.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ForwardingStatus;
import no.kjernebro.auditreview.internal.access.Auditor;

/** {@code /chains} and {@code /forwarding}: the log's integrity and where it is being sent. */
final class ChainsResource {

    private final ApiContext ctx;

    ChainsResource(ApiContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse list(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        new Parameters(request.query(), Set.of());
        List<String> chains = ctx.trail().chains();
        ctx.recordAccess(auditor, null, null, "chains", "liste over kjeder; " + chains.size() + " kjeder");
        return ApiJson.ok(ApiJson.object("chains", chains));
    }

    ApiResponse verify(ApiRequest request, Auditor auditor, String chain) throws AuditUnavailableException {
        new Parameters(request.query(), Set.of());
        requireKnown(chain);
        ChainVerification v = ctx.trail().verify(chain);
        ctx.recordAccess(auditor, chain, null, "verify", "verifiser kjede " + chain + ": "
                + (v.intact() ? "intakt" : v.problem() + " ved " + v.atChainSeq()) + ", " + v.recordsChecked()
                + " poster kontrollert");
        return ApiJson.ok(ApiJson.object(
                "chain", v.chain(), "intact", v.intact(), "recordsChecked", v.recordsChecked(),
                "fromChainSeq", v.fromChainSeq(), "toChainSeq", v.toChainSeq(), "problem", v.problem().name(),
                "atChainSeq", v.atChainSeq() == 0 ? null : v.atChainSeq(), "reference", v.reference(),
                "detail", v.detail(), "checkpoint", v.checkpoint() == null ? null : checkpoint(v.checkpoint())));
    }

    ApiResponse checkpoints(ApiRequest request, Auditor auditor, String chain) throws AuditUnavailableException {
        Parameters p = new Parameters(request.query(), Set.of("antall"));
        int limit = (int) p.number("antall", 1, ctx.pageSizes().max(), 20);
        requireKnown(chain);
        List<AuditCheckpoint> checkpoints = ctx.trail().checkpoints(chain, limit);
        ctx.recordAccess(auditor, chain, null, "checkpoints", "sjekkpunkter for kjede " + chain + "; "
                + checkpoints.size() + " treff");
        return ApiJson.ok(ApiJson.object("chain", chain,
                "checkpoints", checkpoints.stream().map(ChainsResource::checkpoint).toList()));
    }

    ApiResponse forwarding(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        new Parameters(request.query(), Set.of());
        ForwardingStatus f = ctx.trail().forwarding();
        ctx.recordAccess(auditor, null, null, "forwarding", "status for videresending");
        return ApiJson.ok(ApiJson.object("enabled", f.enabled(), "endpoint", f.endpoint(), "backlog", f.backlog(),
                "oldestPending", f.oldestPending(), "failingRecords", f.failingRecords(),
                "delivered", f.delivered(), "lastError", f.lastError()));
    }

    private void requireKnown(String chain) throws AuditUnavailableException {
        if (!Parameters.CHAIN.matcher(chain).matches()) {
            throw ApiProblem.badRequest("a chain is a kommunenummer (4 digits) or _system; got '"
                    + Words.clip(chain) + "'");
        }
        if (!ctx.trail().chains().contains(chain)) {
            throw ApiProblem.notFound("the log has no chain " + chain);
        }
    }

    private static Map<String, Object> checkpoint(AuditCheckpoint c) {
        return ApiJson.object("chain", c.chain(), "chainSeq", c.chainSeq(), "headHash", c.headHash(),
                "count", c.count(), "time", c.time(), "keyId", c.keyId(), "algorithm", c.algorithm(),
                "signature", c.signature());
    }
}
