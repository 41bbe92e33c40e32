package no.kjernebro.simulator.internal.helseid;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dpop.DpopProofVerifier;
import no.kjernebro.simulator.internal.http.Api;
import no.kjernebro.simulator.internal.http.ApiGate;
import no.kjernebro.simulator.internal.http.HttpRoutes;
import no.kjernebro.simulator.internal.jwt.RecentJtis;
import no.kjernebro.simulator.internal.jwt.SigningKey;

/** The HelseID stand-in: token endpoint, test token service, discovery metadata and JWKS. */
public final class HelseIdRoutes extends HttpRoutes {

    private static final int RECENT_JTI_CAPACITY = 10_000;

    private final TokenEndpoint tokenEndpoint;
    private final TestTokenEndpoint testTokenEndpoint;
    private final Discovery discovery;

    /**
     * @param dpop checks the DPoP proofs sent to the token endpoint (HelseID's own nonces)
     */
    public HelseIdRoutes(SimulatorSettings settings, Supplier<Dataset> dataset, SigningKey key, AccessTokens tokens,
                         DpopProofVerifier dpop, ApiGate gate, Clock clock) {
        super(settings.host(), settings.port(), gate);
        ClientAssertionVerifier verifier = new ClientAssertionVerifier(new ClientRegistry(settings.clientsDir()),
                Set.of(settings.tokenEndpoint()), new RecentJtis(RECENT_JTI_CAPACITY), clock);
        this.tokenEndpoint = new TokenEndpoint(verifier, tokens, dpop, settings.dpop().required(),
                settings.tokenEndpoint(), gate.traffic());
        this.testTokenEndpoint = new TestTokenEndpoint(dataset, tokens);
        this.discovery = new Discovery(settings.issuer(), key);
    }

    @Override
    protected void routes() {
        api("POST", "/connect/token", "sim-helseid-token", Api.HELSEID_TOKEN).process(tokenEndpoint).process(leave());
        http("POST", "/testtoken", "sim-helseid-testtoken").process(testTokenEndpoint);
        http("GET", "/.well-known/openid-configuration", "sim-helseid-discovery").process(discovery::openidConfiguration);
        http("GET", "/jwks", "sim-helseid-jwks").process(discovery::jwks);
    }
}
