package no.kjernebro.simulator.internal.helseid;

import java.time.Clock;
import java.util.Set;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.http.HttpRoutes;
import no.kjernebro.simulator.internal.jwt.SigningKey;

/** The HelseID stand-in: token endpoint, test token service, discovery metadata and JWKS. */
public final class HelseIdRoutes extends HttpRoutes {

    private static final int RECENT_JTI_CAPACITY = 10_000;

    private final TokenEndpoint tokenEndpoint;
    private final TestTokenEndpoint testTokenEndpoint;
    private final Discovery discovery;

    public HelseIdRoutes(SimulatorSettings settings, Dataset dataset, SigningKey key, AccessTokens tokens, Clock clock) {
        super(settings.host(), settings.port());
        ClientAssertionVerifier verifier = new ClientAssertionVerifier(new ClientRegistry(settings.clientsDir()),
                Set.of(settings.tokenEndpoint()), new RecentJtis(RECENT_JTI_CAPACITY), clock);
        this.tokenEndpoint = new TokenEndpoint(verifier, tokens);
        this.testTokenEndpoint = new TestTokenEndpoint(dataset, tokens);
        this.discovery = new Discovery(settings.issuer(), key);
    }

    @Override
    protected void routes() {
        http("POST", "/connect/token", "sim-helseid-token").process(tokenEndpoint);
        http("POST", "/testtoken", "sim-helseid-testtoken").process(testTokenEndpoint);
        http("GET", "/.well-known/openid-configuration", "sim-helseid-discovery").process(discovery::openidConfiguration);
        http("GET", "/jwks", "sim-helseid-jwks").process(discovery::jwks);
    }
}
