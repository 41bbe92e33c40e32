package no.kjernebro.simulator.internal.helseid;

import java.security.PublicKey;
import java.util.List;
import java.util.Set;

/**
 * A HelseID client as registered in the simulator's {@code clients.dir}.
 *
 * @param keys the client's public keys (more than one during a key rollover)
 * @param tenancy single-tenant (acts for its own organisation only), multi-tenant (names the
 *        organisation per token request), or unspecified (no {@code .properties} file: the old behaviour,
 *        any organisation named in the request is accepted)
 * @param orgnr the organisation a single-tenant client belongs to; for a multi-tenant client the supplier's, optional
 * @param organisations organisations a multi-tenant client may act for (its delegations); empty = any
 */
record RegisteredClient(String clientId, List<PublicKey> keys, Tenancy tenancy, String orgnr, Set<String> organisations) {

    enum Tenancy { SINGLE, MULTI, UNSPECIFIED }
}
