package no.kjernebro.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.NewTenant;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.api.lookup.ServiceContext;

/** Tenants in a map; remembers who changed what, and can refuse like core does. */
final class FakeAdministration implements TenantAdministration {

    final Map<String, TenantInfo> tenants = new LinkedHashMap<>();
    final List<AdapterInfo> adapters = new ArrayList<>(List.of(new AdapterInfo("sykehjem-xml", "Sykehjem XML",
            Set.of(ServiceContext.SYKEHJEM_LANGTID, ServiceContext.KAD_OHD), 2, "no.kjernebro.adapter-sykehjem-xml 0.1.0")));
    final List<String> calls = new ArrayList<>();
    NewTenant added;
    String refusal;

    FakeAdministration() {
        tenants.put("5601", new TenantInfo("5601", "990560102", "Alta kommune", true, true, null, Set.of("sykehjem-xml"), "kjernebro-5601"));
        tenants.put("5536", new TenantInfo("5536", "990553602", "Lyngen kommune", true, true, null, Set.of(), "kjernebro-5536"));
    }

    @Override
    public List<TenantInfo> tenants() {
        return List.copyOf(tenants.values());
    }

    @Override
    public Optional<TenantInfo> tenant(String kommunenummer) {
        return Optional.ofNullable(tenants.get(kommunenummer));
    }

    @Override
    public List<AdapterInfo> adapters() {
        return List.copyOf(adapters);
    }

    @Override
    public TenantInfo addTenant(NewTenant tenant, String operator) throws AdministrationException {
        refuseIfAsked("add " + tenant.kommunenummer() + " by " + operator);
        added = tenant;
        TenantInfo t = new TenantInfo(tenant.kommunenummer(), tenant.orgnr(), tenant.name(), true, true, null,
                tenant.adapters(), tenant.helseIdClientId());
        tenants.put(t.kommunenummer(), t);
        return t;
    }

    @Override
    public void removeTenant(String kommunenummer, String operator) throws AdministrationException {
        refuseIfAsked("remove " + kommunenummer + " by " + operator);
        tenants.remove(kommunenummer);
    }

    @Override
    public TenantInfo enableAdapter(String kommunenummer, String adapterId, String operator) throws AdministrationException {
        refuseIfAsked("enable " + adapterId + " for " + kommunenummer + " by " + operator);
        return withAdapters(kommunenummer, adapterId, true);
    }

    @Override
    public TenantInfo disableAdapter(String kommunenummer, String adapterId, String operator) throws AdministrationException {
        refuseIfAsked("disable " + adapterId + " for " + kommunenummer + " by " + operator);
        return withAdapters(kommunenummer, adapterId, false);
    }

    private TenantInfo withAdapters(String kommunenummer, String adapterId, boolean enable) throws AdministrationException {
        TenantInfo t = tenants.get(kommunenummer);
        if (t == null) {
            throw new AdministrationException("unknown tenant: no configuration has kommunenummer " + kommunenummer);
        }
        Set<String> ids = new LinkedHashSet<>(t.adapters());
        if (enable) {
            ids.add(adapterId);
        } else {
            ids.remove(adapterId);
        }
        TenantInfo changed = new TenantInfo(t.kommunenummer(), t.orgnr(), t.name(), t.enabled(), t.valid(), t.problem(),
                ids, t.helseIdClientId());
        tenants.put(kommunenummer, changed);
        return changed;
    }

    private void refuseIfAsked(String call) throws AdministrationException {
        calls.add(call);
        if (refusal != null) {
            throw new AdministrationException(refusal);
        }
    }
}
