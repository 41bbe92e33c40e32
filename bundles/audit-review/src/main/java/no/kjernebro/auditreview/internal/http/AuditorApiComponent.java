package no.kjernebro.auditreview.internal.http;

import java.time.Clock;
import no.kjernebro.api.audit.AuditEventFormat;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.auditreview.internal.access.JaasAuthenticator;
import no.kjernebro.auditreview.internal.report.AccessReports;
import no.kjernebro.auditreview.internal.rules.Findings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the auditor REST API while the audit services are there. A configuration change restarts it
 * (no {@code @Modified}): host and port cannot change under a running Jetty. The review rules are
 * optional; without them the findings endpoints answer 503.
 */
@Component(name = "no.kjernebro.auditreview.api", configurationPid = "no.kjernebro.auditreview",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = AuditReviewConfiguration.class)
public final class AuditorApiComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AuditorApiComponent.class);

    @Reference
    private AuditTrail trail;
    @Reference
    private AuditEventFormat format;
    @Reference
    private AuditLog log;
    @Reference
    private AccessReports reports;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Findings findings;

    private AuditorApi api;

    @Activate
    void activate(AuditReviewConfiguration config) throws Exception {
        ApiSettings settings = ApiSettings.of(config.http_host(), config.http_port(), config.defaultPageSize(),
                config.maxPageSize(), config.realm(), config.role(), config.maxBodyBytes(), config.login_backoffMs(),
                config.login_maxBackoffMs());
        AuditorApi started = new AuditorApi(settings, new JaasAuthenticator(settings.realm(), null), trail, format,
                log, reports, () -> findings, Clock.systemUTC());
        try {
            started.start();
        } catch (Exception e) {
            LOG.error("Auditor API could not start on {}:{}: {}", settings.host(), settings.port(), e.getMessage());
            throw e;
        }
        api = started;
        LOG.info("Auditor API listening on {}:{}{} (realm {}, role {})", settings.host(), settings.port(),
                ApiSettings.BASE_PATH, settings.realm(), settings.role());
    }

    @Deactivate
    void deactivate() throws Exception {
        if (api != null) {
            api.close();
            api = null;
            LOG.info("Auditor API stopped");
        }
    }
}
