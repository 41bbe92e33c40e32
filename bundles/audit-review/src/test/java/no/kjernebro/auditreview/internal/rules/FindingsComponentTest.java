package no.kjernebro.auditreview.internal.rules;

import static no.kjernebro.auditreview.internal.rules.Lookups.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DS component: configured tenants are evaluated on their interval, others only on request. */
class FindingsComponentTest {

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final FindingsComponent component;

    FindingsComponentTest() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:component-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        component = new FindingsComponent(trail, new FakeAuditLog(trail), h2);
    }

    @AfterEach
    void stop() {
        component.deactivate();
    }

    @Test
    void aScheduledRunEvaluatesConfiguredTenantsOnlyAndWaitsForTheInterval() throws Exception {
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        ReviewSettings d = ReviewSettings.defaults("5601");
        component.bindTenantReview(new TenantReview(new ReviewSettings("5601", Set.of("HPAKUTT"), d.timeZone(), null, 40, 3,
                Set.of(), null, 60)));
        trail.add(lookup().basis("HPAKUTT").at(recent).entry());
        trail.add(lookup().kommune("5503").basis("HPAKUTT").at(recent).entry());

        component.runDue();

        assertThat(component.list(null, null, null, 0, 10)).extracting(Finding::kommunenummer).containsExactly("5601");

        trail.add(lookup().basis("HPAKUTT").at(recent.plusSeconds(60)).entry());
        component.runDue();
        assertThat(component.list("5601", null, null, 0, 10)).as("not due again for 60 minutes").hasSize(1);

        assertThat(component.evaluate("5601", recent.minusSeconds(3600), recent.plusSeconds(3600))).hasSize(1);
        assertThat(component.evaluate("5503", recent.minusSeconds(3600), recent.plusSeconds(3600)))
                .as("an unconfigured tenant is evaluated with the defaults on request").hasSize(1);
    }
}
