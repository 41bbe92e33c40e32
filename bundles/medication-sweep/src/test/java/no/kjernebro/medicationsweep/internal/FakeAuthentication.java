package no.kjernebro.medicationsweep.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.CallerAuthentication;

/** Stands in for core: one API key per municipality, adapters enabled per municipality. */
final class FakeAuthentication implements CallerAuthentication {

    final Map<String, String> keys = new ConcurrentHashMap<>(Map.of("5601", "demo-alta-5601", "5503", "demo-harstad-5503"));
    final Map<String, String> adapters = new ConcurrentHashMap<>(Map.of("5601", "hjemmetjeneste-json",
            "5503", "hjemmetjeneste-json"));

    @Override
    public Optional<ErrorCode> authenticate(CallerCredential credential, String kommunenummer, String adapterId) {
        if (credential == null) {
            return Optional.of(ErrorCode.MISSING_CREDENTIAL);
        }
        if (!keys.containsKey(kommunenummer)) {
            return Optional.of(ErrorCode.UNKNOWN_TENANT);
        }
        if (!keys.get(kommunenummer).equals(credential.secret())) {
            return Optional.of(ErrorCode.BAD_CREDENTIAL);
        }
        if (!adapterId.equals(adapters.get(kommunenummer))) {
            return Optional.of(ErrorCode.ADAPTER_NOT_ENABLED);
        }
        return Optional.empty();
    }
}
