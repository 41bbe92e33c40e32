package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** The distribution boots the demo: every Kjernebro bundle active and every component satisfied. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionITest extends KjernebroTestSupport {

    @Inject
    private FeaturesService features;

    @Inject
    private ServiceComponentRuntime scr;

    @Test
    public void demoFeatureIsInstalledAndAllBundlesAreActive() throws Exception {
        assertTrue("kjernebro-demo installed", features.isInstalled(features.getFeature("kjernebro-demo")));
        for (String name : List.of("no.kjernebro.camel-runtime", "no.kjernebro.api", "no.kjernebro.audit",
                "no.kjernebro.core", "no.kjernebro.simulator", "no.kjernebro.adapter-sykehjem-xml")) {
            assertEquals(name + " state", Bundle.ACTIVE, bundle(name).getState());
        }
    }

    @Test
    public void everyKjernebroComponentIsSatisfied() throws Exception {
        Await.until("components active", () -> unsatisfied().isEmpty());
        assertTrue("unsatisfied: " + unsatisfied(), unsatisfied().isEmpty());
    }

    private List<String> unsatisfied() {
        return scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("no.kjernebro."))
                .flatMap(d -> {
                    var configs = scr.getComponentConfigurationDTOs(d);
                    if (configs.isEmpty()) {
                        // factory-configured components (tenants) have no instance until configured
                        return d.configurationPolicy.equals("require") ? java.util.stream.Stream.<String>empty()
                                : java.util.stream.Stream.of(d.name + " (no configuration)");
                    }
                    return configs.stream()
                            .filter(c -> c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED)
                            .map(c -> d.name + " state=" + c.state + " unsatisfied=" + java.util.Arrays.stream(c.unsatisfiedReferences)
                                    .map(r -> r.name).collect(Collectors.joining(",")));
                })
                .collect(Collectors.toList());
    }
}
