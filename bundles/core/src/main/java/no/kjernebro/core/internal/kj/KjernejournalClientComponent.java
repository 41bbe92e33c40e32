package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.helseid.HelseIdClient;
import no.kjernebro.core.internal.tenant.Tenant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kjernejournal client as a service. A configuration change swaps in a new client in place
 * ({@code @Modified}) so the lookup service, and through it every adapter, stays bound; the new
 * client starts with closed breakers and an empty ticket cache.
 */
@Component(name = KjernejournalClientComponent.PID,
        service = {KjernejournalClient.class, LegemiddelvarslingClient.class})
@Designate(ocd = KjernejournalConfiguration.class)
public final class KjernejournalClientComponent implements KjernejournalClient, LegemiddelvarslingClient {

    static final String PID = "no.kjernebro.kjernejournal";
    private static final Logger LOG = LoggerFactory.getLogger(KjernejournalClientComponent.class);

    @Reference
    private HelseIdClient helseId;

    private volatile HttpKjernejournalClient client;

    @Activate
    void activate(Map<String, Object> config) {
        client = start(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        HttpKjernejournalClient old = client;
        client = start(config);
        if (old != null) {
            old.close();
        }
    }

    @Deactivate
    void deactivate() {
        HttpKjernejournalClient old = client;
        client = null;
        if (old != null) {
            old.close();
        }
    }

    private HttpKjernejournalClient start(Map<String, Object> config) {
        KjernejournalSettings s = KjernejournalSettings.from(config);
        HttpKjernejournalClient c = HttpKjernejournalClient.start(s, helseId, Clock.systemUTC());
        UpstreamSettings hi = s.upstream(Upstream.HELSEINDIKATOR);
        LOG.info("Kjernejournal client ready: {} (timeouts connect {} ms / response {} ms, {} attempt(s) per GET, "
                        + "lookup deadline {} ms), tickets reused {} s, bulkhead {} calls per tenant, breakers open at {} % "
                        + "of {} calls for {} s, FHIR headers {}, Legemiddelvarsling {} (at most {} patients per request)",
                s.baseUrl(), hi.connectTimeoutMs(), hi.responseTimeoutMs(), s.upstream(Upstream.FHIR).maxAttempts(),
                s.lookupDeadline().toMillis(), s.effectiveTicketReuse().toSeconds(), s.bulkheadMaxConcurrent(),
                hi.breaker().failureRatePercent(), hi.breaker().minimumCalls(), hi.breaker().openDuration().toSeconds(),
                s.fhirHeaders(), s.legemiddelvarslingPath(), s.legemiddelvarslingMaxBatchSize());
        return c;
    }

    @Override
    public int maxBatchSize() {
        HttpKjernejournalClient c = client;
        return c == null ? KjernejournalSettings.DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE : c.maxBatchSize();
    }

    @Override
    public List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem,
                                    String correlationId) throws KjernejournalException {
        return running().sjekk(tenant, pasienter, epjSystem, correlationId);
    }

    @Override
    public PatientSummary fetch(KjernejournalRequest request) throws KjernejournalException {
        return running().fetch(request);
    }

    private HttpKjernejournalClient running() throws KjernejournalException {
        HttpKjernejournalClient c = client;
        if (c == null) {
            throw new KjernejournalException(ErrorCode.SERVICE_UNAVAILABLE, "the kjernejournal client is stopped");
        }
        return c;
    }
}
