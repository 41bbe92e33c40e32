package no.kjernebro.simulator.internal;

import java.time.Clock;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.DatasetException;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the NHN simulator while the bundle is active. A configuration change restarts it (no
 * {@code @Modified}): the port, dataset and keys all change together.
 */
@Component(name = "no.kjernebro.simulator", configurationPid = "no.kjernebro.simulator",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = SimulatorConfiguration.class)
public final class SimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);

    private Simulator simulator;

    @Activate
    void activate(SimulatorConfiguration config) throws Exception {
        SimulatorSettings settings = SimulatorSettings.from(config);
        Dataset dataset;
        try {
            dataset = DatasetLoader.load(settings.datasetPath());
        } catch (DatasetException e) {
            LOG.error("NHN simulator not started: {}", e.getMessage());
            throw e;
        }
        simulator = new Simulator(settings, dataset, Clock.systemUTC());
        try {
            simulator.start();
        } catch (Exception e) {
            LOG.error("NHN simulator could not start on {}:{}: {}", settings.host(), settings.port(), e.getMessage());
            simulator = null;
            throw e;
        }
        LOG.info("NHN simulator listening on {}:{} with {} synthetic patients (issuer {}, HelseID clients in {})",
                settings.host(), settings.port(), dataset.pasienter().size(), settings.issuer(), settings.clientsDir());
    }

    @Deactivate
    void deactivate() throws Exception {
        if (simulator != null) {
            simulator.close();
            simulator = null;
            LOG.info("NHN simulator stopped");
        }
    }
}
