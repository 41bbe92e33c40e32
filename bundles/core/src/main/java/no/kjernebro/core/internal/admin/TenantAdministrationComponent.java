package no.kjernebro.core.internal.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kjernebro.api.adapter.AdapterRoutes;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.NewTenant;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.core.internal.runtime.DeployedAdapters;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes {@link TenantAdministration} for operator tools. The audit log is an optional, dynamic
 * reference on purpose: without it the service stays up and refuses every change with a clear
 * message, instead of the shell commands silently disappearing.
 */
@Component(name = "no.kjernebro.admin", service = TenantAdministration.class)
@Designate(ocd = AdministrationConfiguration.class)
public final class TenantAdministrationComponent implements TenantAdministration {

    @Reference
    private ConfigurationAdmin configAdmin;

    @Reference
    private TenantDirectory directory;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeployedAdapters deployedAdapters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    // References only: the services themselves are never taken, so nothing here holds an adapter.
    private final List<ServiceReference<RoutesBuilder>> adapterServices = new CopyOnWriteArrayList<>();

    private TenantAdministrator administrator;

    @Reference(service = RoutesBuilder.class, target = AdapterRoutes.FILTER,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAdapterService(ServiceReference<RoutesBuilder> ref) {
        adapterServices.add(ref);
    }

    void unbindAdapterService(ServiceReference<RoutesBuilder> ref) {
        adapterServices.remove(ref);
    }

    @Activate
    void activate(BundleContext context, AdministrationConfiguration config) {
        String etc = config.etcDir().isBlank() ? context.getProperty("karaf.etc") : config.etcDir();
        String base = context.getProperty("karaf.base");
        Path etcDir = etc == null || etc.isBlank() ? null : Path.of(etc).toAbsolutePath().normalize();
        Path baseDir = base == null || base.isBlank() ? null : Path.of(base).toAbsolutePath().normalize();
        Clock clock = Clock.systemUTC();
        administrator = new TenantAdministrator(new TenantStore(configAdmin, etcDir),
                new AdminAudit(() -> auditLog, clock), new NewTenantCheck(baseDir, etcDir), directory,
                this::deployed, clock);
    }

    private List<AdapterInfo> deployed() {
        List<AdapterCatalogue.Registration> registrations = new ArrayList<>();
        for (ServiceReference<RoutesBuilder> ref : adapterServices) {
            Map<String, Object> props = new HashMap<>();
            for (String key : ref.getPropertyKeys()) {
                props.put(key, ref.getProperty(key));
            }
            Bundle b = ref.getBundle();
            registrations.add(new AdapterCatalogue.Registration(props,
                    b == null ? null : b.getSymbolicName() + " " + b.getVersion()));
        }
        DeployedAdapters runtime = deployedAdapters;
        return AdapterCatalogue.of(registrations, runtime == null ? Map.of() : runtime.deployed());
    }

    @Override
    public List<TenantInfo> tenants() {
        return administrator.tenants();
    }

    @Override
    public Optional<TenantInfo> tenant(String kommunenummer) {
        return administrator.tenant(kommunenummer);
    }

    @Override
    public List<AdapterInfo> adapters() {
        return administrator.adapters();
    }

    @Override
    public TenantInfo addTenant(NewTenant tenant, String operator) throws AdministrationException {
        return administrator.addTenant(tenant, operator);
    }

    @Override
    public void removeTenant(String kommunenummer, String operator) throws AdministrationException {
        administrator.removeTenant(kommunenummer, operator);
    }

    @Override
    public TenantInfo enableAdapter(String kommunenummer, String adapterId, String operator)
            throws AdministrationException {
        return administrator.enableAdapter(kommunenummer, adapterId, operator);
    }

    @Override
    public TenantInfo disableAdapter(String kommunenummer, String adapterId, String operator)
            throws AdministrationException {
        return administrator.disableAdapter(kommunenummer, adapterId, operator);
    }
}
