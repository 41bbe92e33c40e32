package no.kjernebro.core.internal.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.NewTenant;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.core.internal.admin.AdminAudit.Target;
import no.kjernebro.core.internal.tenant.TenantDirectory;

/**
 * Operator changes to the tenant configurations. Each change is audited first (and refused if it
 * cannot be), then made through ConfigAdmin, where the tenant component picks it up at once.
 * Changes are serialised so that two operators cannot add the same municipality twice.
 *
 * <p>Enabling an adapter that is enabled already, or disabling one that is not, changes nothing and
 * records nothing. Enabling an adapter that is not deployed now is allowed (a municipality may be
 * switched on before the adapter bundle is installed); the audit record notes it.
 */
final class TenantAdministrator implements TenantAdministration {

    private final TenantStore store;
    private final AdminAudit audit;
    private final NewTenantCheck check;
    private final TenantDirectory directory;
    private final Supplier<List<AdapterInfo>> adapters;
    private final Clock clock;
    private final Object lock = new Object();

    TenantAdministrator(TenantStore store, AdminAudit audit, NewTenantCheck check, TenantDirectory directory,
                        Supplier<List<AdapterInfo>> adapters, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.check = check;
        this.directory = directory;
        this.adapters = adapters;
        this.clock = clock;
    }

    @Override
    public List<TenantInfo> tenants() {
        List<StoredTenant> all = store.all();
        return all.stream()
                .map(t -> TenantInfos.of(t.properties(), directory, all))
                .sorted(Comparator.comparing(i -> String.valueOf(i.kommunenummer())))
                .toList();
    }

    @Override
    public Optional<TenantInfo> tenant(String kommunenummer) {
        List<StoredTenant> all = store.all();
        return all.stream().filter(t -> kommunenummer != null && kommunenummer.equals(t.kommunenummer()))
                .findFirst().map(t -> TenantInfos.of(t.properties(), directory, all));
    }

    @Override
    public List<AdapterInfo> adapters() {
        return adapters.get().stream().sorted(Comparator.comparing(AdapterInfo::id)).toList();
    }

    @Override
    public TenantInfo addTenant(NewTenant tenant, String operator) throws AdministrationException {
        requireOperator(operator);
        synchronized (lock) {
            NewTenantCheck.Result result = check.check(tenant);
            String kommunenummer = tenant == null ? null : result.properties().get(TenantProperties.KOMMUNENUMMER);
            Target target = new Target(kommunenummer, result.properties().get(TenantProperties.ORGNR), null);
            if (!result.valid()) {
                throw audit.refused(Change.TENANT_ADDED, target, operator,
                        "tenant not added, invalid: " + String.join("; ", result.problems()));
            }
            if (!store.find(kommunenummer).isEmpty() || !(directory.find(kommunenummer) instanceof TenantDirectory.Unknown)
                    || store.fileFor(kommunenummer).map(Files::exists).orElse(false)) {
                throw audit.refused(Change.TENANT_ADDED, target, operator,
                        "tenant not added: kommunenummer " + kommunenummer + " is configured already");
            }
            Map<String, String> props = result.properties();
            audit.allowed(Change.TENANT_ADDED, target, operator, "tenant " + kommunenummer + " ("
                    + props.get(TenantProperties.NAME) + ") added with adapters [" + props.get(TenantProperties.ADAPTERS)
                    + "], HelseID client " + props.get(TenantProperties.CLIENT_ID) + ", "
                    + TenantProperties.list(props.get(TenantProperties.CREDENTIALS)).size() + " credential(s)");
            try {
                store.create(kommunenummer, props,
                        TenantFile.render(props, result.keyFileAsWritten(), operator, clock.instant()));
            } catch (IOException | RuntimeException e) {
                throw failed(Change.TENANT_ADDED, target, operator, e);
            }
            return TenantInfos.of(new LinkedHashMap<>(props), null, List.of());
        }
    }

    @Override
    public void removeTenant(String kommunenummer, String operator) throws AdministrationException {
        requireOperator(operator);
        synchronized (lock) {
            StoredTenant t = existing(Change.TENANT_REMOVED, kommunenummer, null, operator);
            Target target = new Target(kommunenummer, t.orgnr(), null);
            audit.allowed(Change.TENANT_REMOVED, target, operator, "tenant " + kommunenummer + " ("
                    + TenantProperties.text(t.properties(), TenantProperties.NAME) + ") removed; it had adapters "
                    + t.adapters());
            try {
                store.delete(t);
            } catch (IOException | RuntimeException e) {
                throw failed(Change.TENANT_REMOVED, target, operator, e);
            }
        }
    }

    @Override
    public TenantInfo enableAdapter(String kommunenummer, String adapterId, String operator)
            throws AdministrationException {
        return changeAdapter(Change.ADAPTER_ENABLED, kommunenummer, adapterId, operator);
    }

    @Override
    public TenantInfo disableAdapter(String kommunenummer, String adapterId, String operator)
            throws AdministrationException {
        return changeAdapter(Change.ADAPTER_DISABLED, kommunenummer, adapterId, operator);
    }

    private TenantInfo changeAdapter(Change change, String kommunenummer, String adapterId, String operator)
            throws AdministrationException {
        requireOperator(operator);
        synchronized (lock) {
            if (adapterId == null || !NewTenantCheck.ADAPTER_ID.matcher(adapterId).matches()) {
                throw audit.refused(change, new Target(kommunenummer, null, adapterId), operator,
                        "adapter id '" + adapterId + "' is not of the form " + NewTenantCheck.ADAPTER_ID.pattern());
            }
            StoredTenant t = existing(change, kommunenummer, adapterId, operator);
            Set<String> adapterIds = new LinkedHashSet<>(t.adapters());
            boolean changed = change == Change.ADAPTER_ENABLED ? adapterIds.add(adapterId) : adapterIds.remove(adapterId);
            if (!changed) {
                return TenantInfos.of(t.properties(), null, List.of());
            }
            Target target = new Target(kommunenummer, t.orgnr(), adapterId);
            String notDeployed = change == Change.ADAPTER_ENABLED && !deployed(adapterId)
                    ? " (the adapter is not deployed in this runtime now)" : "";
            String value = String.join(",", adapterIds);
            audit.allowed(change, target, operator, "adapter " + adapterId + (change == Change.ADAPTER_ENABLED
                    ? " enabled" : " disabled") + " for " + kommunenummer + "; its adapters are now [" + value + "]"
                    + notDeployed);
            try {
                store.update(t, Map.of(TenantProperties.ADAPTERS, value));
            } catch (IOException | RuntimeException e) {
                throw failed(change, target, operator, e);
            }
            Map<String, Object> props = new LinkedHashMap<>(t.properties());
            props.put(TenantProperties.ADAPTERS, value);
            return TenantInfos.of(props, null, List.of());
        }
    }

    private boolean deployed(String adapterId) {
        return adapters.get().stream().anyMatch(a -> a.id().equals(adapterId) && a.routes() > 0);
    }

    /** The tenant's one configuration, or a recorded refusal. */
    private StoredTenant existing(Change change, String kommunenummer, String adapterId, String operator)
            throws AdministrationException {
        List<StoredTenant> found = store.find(kommunenummer);
        if (found.isEmpty()) {
            throw audit.refused(change, new Target(kommunenummer, null, adapterId), operator,
                    "unknown tenant: no configuration has kommunenummer " + kommunenummer);
        }
        if (found.size() > 1) {
            throw audit.refused(change, new Target(kommunenummer, null, adapterId), operator,
                    found.size() + " configurations have kommunenummer " + kommunenummer + "; fix the etc files first");
        }
        return found.get(0);
    }

    private AdministrationException failed(Change change, Target target, String operator, Exception e) {
        String reason = "the change was recorded but could not be stored: " + e.getMessage();
        audit.failed(change, target, operator, reason);
        return new AdministrationException(reason, e);
    }

    private static void requireOperator(String operator) throws AdministrationException {
        if (operator == null || operator.isBlank()) {
            throw new AdministrationException("no operator named: administration must be attributable to a person");
        }
    }
}
