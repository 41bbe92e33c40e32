package no.kjernebro.core.internal.helseid;

import java.time.Clock;
import java.util.Map;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.tenant.Tenant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HelseID client as a service, configured from {@code no.kjernebro.kjernejournal}. That PID is shared
 * with the kjernejournal client, whose changes also arrive here: the running client (and its token cache)
 * is only replaced when a HelseID setting changed.
 */
@Component(name = "no.kjernebro.helseid", configurationPid = HelseIdClientComponent.PID, service = HelseIdClient.class)
public final class HelseIdClientComponent implements HelseIdClient {

    static final String PID = "no.kjernebro.kjernejournal";
    private static final Logger LOG = LoggerFactory.getLogger(HelseIdClientComponent.class);

    private volatile HelseIdTokens tokens;

    @Activate
    @Modified
    void configure(HelseIdConfiguration config) {
        HelseIdSettings settings = HelseIdSettings.of(config);
        HelseIdTokens current = tokens;
        if (current != null && current.settings().equals(settings)) {
            return;
        }
        tokens = new HelseIdTokens(settings, Clock.systemUTC());
        LOG.info("HelseID client ready: token endpoint {}, scope {}, DPoP {} ({} keys), refresh {} s before expiry, "
                + "timeouts connect {} ms / response {} ms, multi-tenant client {}", settings.tokenUrl(), settings.scope(),
                settings.dpop() ? "on" : "off", settings.dpopAlgorithm(), settings.tokenRefreshMarginSeconds(),
                settings.connectTimeout().toMillis(), settings.responseTimeout().toMillis(),
                settings.multiTenantClientId().isEmpty() ? "none" : settings.multiTenantClientId());
    }

    @Override
    public AccessToken systemToken(Tenant tenant, String scope) throws KjernejournalException {
        return tokens.systemToken(tenant, scope);
    }

    @Override
    public Map<String, String> authorize(Tenant tenant, AccessToken token, String method, String url, String nonce)
            throws KjernejournalException {
        return tokens.authorize(tenant, token, method, url, nonce);
    }

    @Override
    public void rememberNonce(String url, String nonce) {
        tokens.rememberNonce(url, nonce);
    }

    @Override
    public void invalidate(Tenant tenant, String scope) {
        tokens.invalidate(tenant, scope);
    }
}
