package no.kjernebro.simulator.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.helseid.ResourceRequest;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/legemiddelvarsling} with a system token: for each patient of the batch, has the
 * patient a kjernejournal, has new medication information arrived since {@code sistSjekket}, and the
 * timestamp to send next time. The JSON is the simulator's rendering of NHN's description of the
 * service, not NHN's published schema.
 */
final class LegemiddelvarslingEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(LegemiddelvarslingEndpoint.class);

    private final AccessTokens tokens;
    private final Supplier<Dataset> dataset;
    private final double syntheticNewShare;
    private final int maxBatchSize;
    private final Clock clock;
    // The index is rebuilt when the dataset is reloaded.
    private final AtomicReference<Map.Entry<Dataset, Legemiddelendringer>> index = new AtomicReference<>();

    LegemiddelvarslingEndpoint(Supplier<Dataset> dataset, AccessTokens tokens, SimulatorSettings.Varsling settings,
                               Clock clock) {
        this.tokens = tokens;
        this.dataset = dataset;
        this.syntheticNewShare = settings.syntheticNewShare();
        this.maxBatchSize = settings.maxBatchSize();
        this.clock = clock;
    }

    private Legemiddelendringer endringer() {
        Dataset now = dataset.get();
        Map.Entry<Dataset, Legemiddelendringer> current = index.get();
        if (current == null || current.getKey() != now) {
            current = Map.entry(now, new Legemiddelendringer(now, syntheticNewShare));
            index.set(current);
        }
        return current.getValue();
    }

    @Override
    public void process(Exchange exchange) {
        AccessTokens.VerifiedToken token = tokens.verify(ResourceRequest.of(exchange));
        token.requireSystemToken();
        JsonNode pasienter = Json.requestObject(exchange.getIn().getBody(String.class)).get("pasienter");
        if (pasienter == null || !pasienter.isArray() || pasienter.isEmpty()) {
            throw HttpProblem.oauth(400, "invalid_request", "pasienter must be a non-empty array");
        }
        if (pasienter.size() > maxBatchSize) {
            throw HttpProblem.oauth(400, "invalid_request", "at most " + maxBatchSize
                    + " patients per request, got " + pasienter.size());
        }
        // Whole seconds: the next check's sistSjekket then compares exactly with what was answered.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String nesteSjekk = now.atZone(Legemiddelendringer.NORGE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Legemiddelendringer endringer = endringer();
        ObjectNode answer = Json.object();
        ArrayNode svar = answer.putArray("pasienter");
        int medKjernejournal = 0;
        int nye = 0;
        for (int i = 0; i < pasienter.size(); i++) {
            JsonNode pasient = pasienter.get(i);
            String fnr = Json.text(pasient, "fnr");
            if (!pasient.isObject() || fnr == null) {
                throw HttpProblem.oauth(400, "invalid_request", "pasienter[" + i + "].fnr is required");
            }
            Legemiddelendringer.Svar s = endringer.sjekk(fnr, sistSjekket(pasient, i), now);
            medKjernejournal += s.harKjernejournal() ? 1 : 0;
            nye += s.nyLegemiddelinformasjon() ? 1 : 0;
            svar.addObject()
                    .put("fnr", fnr)
                    .put("harKjernejournal", s.harKjernejournal())
                    .put("nyLegemiddelinformasjon", s.nyLegemiddelinformasjon())
                    .put("nesteSjekk", nesteSjekk);
        }
        LOG.info("Legemiddelvarsling for organisation {} (EPJ {}): {} patients, {} with kjernejournal, {} with news",
                token.orgnr(), exchange.getIn().getHeader(KjernejournalRoutes.EPJ_SYSTEM_HEADER), pasienter.size(),
                medKjernejournal, nye);
        Responses.json(exchange, 200, answer);
    }

    private static Instant sistSjekket(JsonNode pasient, int index) {
        JsonNode value = pasient.get("sistSjekket");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw HttpProblem.oauth(400, "invalid_request",
                    "pasienter[" + index + "].sistSjekket must be an ISO date-time with offset");
        }
    }
}
