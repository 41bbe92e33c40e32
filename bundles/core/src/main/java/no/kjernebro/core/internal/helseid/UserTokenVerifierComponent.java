package no.kjernebro.core.internal.helseid;

import java.time.Clock;
import java.time.Duration;
import no.kjernebro.core.internal.kj.KjernejournalException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user token verifier as a service, configured from {@code no.kjernebro.kjernejournal}
 * ({@code helseid.issuer}, {@code helseid.jwksUrl}, {@code helseid.userToken.*}, {@code helseid.jwks.*}).
 * Nothing is fetched on activation: the JWKS is read on the first token.
 */
@Component(name = "no.kjernebro.helseid.usertokens", configurationPid = HelseIdClientComponent.PID,
        service = UserTokenVerifier.class)
public final class UserTokenVerifierComponent implements UserTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(UserTokenVerifierComponent.class);

    private record Setup(UserTokenRules rules, String jwksUrl, Duration connect, Duration response,
                         Duration minRefresh, Duration maxAge) {
    }

    private volatile Setup setup;
    private volatile UserTokenVerifier verifier;

    @Activate
    @Modified
    void configure(HelseIdConfiguration c) {
        HelseIdSettings helseId = HelseIdSettings.of(c);
        Setup next = new Setup(UserTokenRules.of(c), c.helseid_jwksUrl().trim(), helseId.connectTimeout(),
                helseId.responseTimeout(), Duration.ofSeconds(Math.max(1, c.helseid_jwks_minRefreshSeconds())),
                Duration.ofSeconds(Math.max(60, c.helseid_jwks_maxAgeSeconds())));
        if (next.equals(setup)) {
            return; // a kjernejournal setting changed; the cached keys stay
        }
        Clock clock = Clock.systemUTC();
        RemoteJwks jwks = new RemoteJwks(next.jwksUrl(), next.rules().issuer(), HelseIdTokens.httpClient(next.connect()),
                next.response(), next.minRefresh(), next.maxAge(), clock);
        verifier = new JwtUserTokenVerifier(next.rules(), jwks, clock);
        setup = next;
        LOG.info("User tokens are verified: issuer {}, keys from {}, audience {}, security level {}, clock skew {} s",
                next.rules().issuer(), next.jwksUrl().isEmpty() ? "discovery" : next.jwksUrl(), next.rules().audience(),
                next.rules().securityLevel(), next.rules().clockSkew().toSeconds());
    }

    @Override
    public VerifiedUserToken verify(String token) throws InvalidUserTokenException, KjernejournalException {
        return verifier.verify(token);
    }
}
