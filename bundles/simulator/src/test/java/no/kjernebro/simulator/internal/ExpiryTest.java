package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What expires: tickets (ticketTtlSeconds) and DPoP nonces (dpop.nonceValiditySeconds), on a clock the test moves. */
class ExpiryTest extends SimulatorTestSupport {

    private final MovableClock clock = new MovableClock();

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected SimulatorSettings customise(SimulatorSettings settings) {
        return settings.withDpop(new SimulatorSettings.Dpop(false, true, Duration.ofSeconds(100), Duration.ofSeconds(60)));
    }

    @Test
    void aTicketExpiresAfterItsLifetimeAndBelongsToItsOrganisation() throws Exception {
        String ticket = ticket("05902823095"); // Alta's
        String altaUser = userTokenFor("{\"hprNumber\":\"9100001\",\"orgnr\":\"" + ORGNR_ALTA + "\"}");
        String harstadUser = userTokenFor("{\"hprNumber\":\"9100001\",\"orgnr\":\"" + ORGNR_HARSTAD + "\"}");
        assertThat(everything(altaUser, ticket).statusCode()).isEqualTo(200);
        assertThat(everything(harstadUser, ticket).statusCode()).isEqualTo(403);

        clock.advance(Duration.ofSeconds(599));
        assertThat(everything(altaUser, ticket).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> expired = everything(altaUser, ticket);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(json(expired).get("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void aNonceIsAcceptedForOneMorePeriodAfterItRotatesThenRefused() throws Exception {
        DpopKey key = DpopKey.ec();
        HttpResponse<String> challenge = requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", tokenEndpoint(), null, null, now()));
        String nonce = challenge.headers().firstValue("DPoP-Nonce").orElseThrow();

        clock.advance(Duration.ofSeconds(150)); // rotated once: the old nonce is the previous one, still good
        assertThat(requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", tokenEndpoint(), nonce, null, now())).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(100)); // rotated again: too old now
        HttpResponse<String> stale = requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", tokenEndpoint(), nonce, null, now()));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(json(stale).get("error").asText()).isEqualTo("use_dpop_nonce");
    }

    private HttpResponse<String> everything(String token, String ticket) throws Exception {
        return get("/v1/fhir/Patient/$everything", Map.of("X-EPJ-System", EPJ, "X-kj-ticket", ticket,
                "Authorization", "Bearer " + token));
    }
}
