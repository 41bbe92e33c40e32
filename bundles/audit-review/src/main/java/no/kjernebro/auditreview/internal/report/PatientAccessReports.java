package no.kjernebro.auditreview.internal.report;

import java.time.Clock;
import java.time.LocalDate;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The patient access report service. Municipality names come from the tenant registry when core is
 * running; without it the report names municipalities by number.
 */
@Component(name = "no.kjernebro.auditreview.reports", configurationPid = "no.kjernebro.auditreview",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = AccessReports.class)
public final class PatientAccessReports implements AccessReports {

    /** The report's share of the {@code no.kjernebro.auditreview} configuration. */
    @interface Limits {
        int report_maxRows() default 5000;

        int report_maxDays() default 3700;
    }

    private final AuditTrail trail;
    private final Clock clock;
    private volatile ReportLimits limits = ReportLimits.DEFAULT;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TenantAdministration tenants;

    @Activate
    public PatientAccessReports(@Reference(name = "trail") AuditTrail trail, Limits config) {
        this(trail, Clock.systemUTC(), new ReportLimits(config.report_maxRows(), config.report_maxDays()));
    }

    /** For tests and for use outside OSGi. */
    public PatientAccessReports(AuditTrail trail, Clock clock, int maxRows, int maxDays) {
        this(trail, clock, new ReportLimits(maxRows, maxDays));
    }

    private PatientAccessReports(AuditTrail trail, Clock clock, ReportLimits limits) {
        this.trail = trail;
        this.clock = clock;
        this.limits = limits;
    }

    @Modified
    void modified(Limits config) {
        limits = new ReportLimits(config.report_maxRows(), config.report_maxDays());
    }

    @Override
    public byte[] render(String patientId, LocalDate from, LocalDate to, String kommunenummer, Format format)
            throws AuditUnavailableException {
        AccessReport report = new ReportAssembler(trail, this::municipalityName, clock, limits)
                .assemble(patientId, from, to, kommunenummer);
        return format == Format.PDF ? PdfAccessReport.render(report) : HtmlAccessReport.render(report);
    }

    private String municipalityName(String kommunenummer) {
        TenantAdministration registry = tenants;
        if (registry == null) {
            return null;
        }
        try {
            return registry.tenant(kommunenummer).map(TenantInfo::name).orElse(null);
        } catch (RuntimeException e) {
            return null; // a name is a courtesy; the number is always shown
        }
    }
}
