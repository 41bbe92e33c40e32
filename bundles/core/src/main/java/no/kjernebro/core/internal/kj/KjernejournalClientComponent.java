package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.tenant.Tenant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kjernejournal client as a service. A configuration change swaps in a new client in place
 * ({@code @Modified}) so the lookup service, and through it every adapter, stays bound.
 */
@Component(name = KjernejournalClientComponent.PID,
        service = {KjernejournalClient.class, LegemiddelvarslingClient.class})
@Designate(ocd = KjernejournalConfiguration.class)
public final class KjernejournalClientComponent implements KjernejournalClient, LegemiddelvarslingClient {

    static final String PID = "no.kjernebro.kjernejournal";
    private static final Logger LOG = LoggerFactory.getLogger(KjernejournalClientComponent.class);

    private volatile CamelKjernejournalClient client;

    @Activate
    void activate(KjernejournalConfiguration config) throws Exception {
        client = start(config);
    }

    @Modified
    void modified(KjernejournalConfiguration config) throws Exception {
        CamelKjernejournalClient old = client;
        client = start(config);
        if (old != null) {
            old.close();
        }
    }

    @Deactivate
    void deactivate() {
        CamelKjernejournalClient old = client;
        client = null;
        if (old != null) {
            old.close();
        }
    }

    private static CamelKjernejournalClient start(KjernejournalConfiguration config) throws Exception {
        KjernejournalSettings settings = KjernejournalSettings.of(config);
        CamelKjernejournalClient c = CamelKjernejournalClient.start(settings, Clock.systemUTC());
        LOG.info("Kjernejournal client ready: HelseID {}, kjernejournal {}, timeouts connect {} ms / response {} ms, "
                + "Legemiddelvarsling {} (at most {} patients per request)", settings.tokenUrl(), settings.baseUrl(),
                settings.connectTimeoutMs(), settings.responseTimeoutMs(), settings.legemiddelvarslingPath(),
                settings.legemiddelvarslingMaxBatchSize());
        return c;
    }

    @Override
    public int maxBatchSize() {
        CamelKjernejournalClient c = client;
        return c == null ? KjernejournalSettings.DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE : c.maxBatchSize();
    }

    @Override
    public List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem,
                                    String correlationId) throws KjernejournalException {
        CamelKjernejournalClient c = client;
        if (c == null) {
            throw new KjernejournalException(ErrorCode.SERVICE_UNAVAILABLE, "the kjernejournal client is stopped");
        }
        return c.sjekk(tenant, pasienter, epjSystem, correlationId);
    }

    @Override
    public PatientSummary fetch(KjernejournalRequest request) throws KjernejournalException {
        CamelKjernejournalClient c = client;
        if (c == null) {
            throw new KjernejournalException(ErrorCode.SERVICE_UNAVAILABLE, "the kjernejournal client is stopped");
        }
        return c.fetch(request);
    }
}
