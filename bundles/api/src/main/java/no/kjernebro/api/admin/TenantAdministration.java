package no.kjernebro.api.admin;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operator changes to municipalities and their adapters. Implemented by core on top of the tenant
 * factory configurations, so every change persists across restarts and takes effect without one.
 * Every change is recorded in the audit trail as an administrative event naming the operator.
 */
@ProviderType
public interface TenantAdministration {

    List<TenantInfo> tenants();

    Optional<TenantInfo> tenant(String kommunenummer);

    /** Adapters currently deployed in the runtime. */
    List<AdapterInfo> adapters();

    TenantInfo addTenant(NewTenant tenant, String operator) throws AdministrationException;

    void removeTenant(String kommunenummer, String operator) throws AdministrationException;

    TenantInfo enableAdapter(String kommunenummer, String adapterId, String operator) throws AdministrationException;

    TenantInfo disableAdapter(String kommunenummer, String adapterId, String operator) throws AdministrationException;
}
