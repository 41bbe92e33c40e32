package no.kjernebro.auditreview.internal.rules;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's review configuration ({@code etc/no.kjernebro.review-<kommunenummer>.cfg}). The
 * findings component binds every instance and evaluates each tenant on its own interval. A bad file
 * fails activation with a message naming the key, so the tenant is not silently evaluated with
 * something else.
 */
@Component(name = "no.kjernebro.review", configurationPolicy = ConfigurationPolicy.REQUIRE, service = TenantReview.class)
@Designate(ocd = ReviewConfiguration.class, factory = true)
public final class TenantReview {

    private static final Logger LOG = LoggerFactory.getLogger(TenantReview.class);

    private volatile ReviewSettings settings;

    public TenantReview() {
    }

    TenantReview(ReviewSettings settings) {
        this.settings = settings;
    }

    @Activate
    @Modified
    void configure(ReviewConfiguration configuration) {
        try {
            settings = ReviewSettings.from(configuration, Path.of(System.getProperty("karaf.base", ".")));
        } catch (IllegalArgumentException e) {
            LOG.error("Review configuration for {} not used: {}", configuration.kommunenummer(), e.getMessage());
            throw e;
        }
        LOG.info("Review rules for {}: {}, working hours {}, care list {}", settings.kommunenummer(),
                settings.rules(), settings.workingHours() == null ? "not configured" : settings.workingHours(),
                settings.careRelationshipsFile() == null ? "not configured" : settings.careRelationshipsFile());
    }

    public ReviewSettings settings() {
        return settings;
    }
}
