package no.kjernebro.core.internal.kj;

import java.time.Clock;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.PatientSummary;
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
@Component(name = KjernejournalClientComponent.PID, service = KjernejournalClient.class)
@Designate(ocd = KjernejournalConfiguration.class)
public final class KjernejournalClientComponent implements KjernejournalClient {

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
        LOG.info("Kjernejournal client ready: HelseID {}, kjernejournal {}, timeouts connect {} ms / response {} ms",
                settings.tokenUrl(), settings.baseUrl(), settings.connectTimeoutMs(), settings.responseTimeoutMs());
        return c;
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
