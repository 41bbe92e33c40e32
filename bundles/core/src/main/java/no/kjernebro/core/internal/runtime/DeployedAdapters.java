package no.kjernebro.core.internal.runtime;

import java.util.Map;

/** The adapters whose routes are running now, with their route count. */
public interface DeployedAdapters {

    Map<String, Integer> deployed();

    default boolean isDeployed(String adapterId) {
        return deployed().containsKey(adapterId);
    }
}
