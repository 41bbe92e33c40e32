package no.kjernebro.core.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CamelRuntimeTest {

    private final CamelRuntime runtime = new CamelRuntime();

    private static RuntimeConfiguration config() {
        return new RuntimeConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RuntimeConfiguration.class;
            }

            @Override
            public String http_host() {
                return "127.0.0.1";
            }

            @Override
            public int http_port() {
                return 18182;
            }

            @Override
            public int routeStopTimeoutSeconds() {
                return 5;
            }
        };
    }

    private static RoutesBuilder adapter(String id, int routes) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < routes; i++) {
                    from("direct:" + id + "-" + i).routeId(id + "-route-" + i).setBody(constant("{{kjernebro.http.port}}"));
                }
            }
        };
    }

    private static Map<String, Object> props(String id) {
        return Map.of("kjernebro.adapter.id", id);
    }

    @AfterEach
    void stop() {
        runtime.deactivate();
    }

    @Test
    void adaptersBoundBeforeActivationAreAddedOnActivation() throws Exception {
        RoutesBuilder a = adapter("a", 2);
        runtime.bindAdapterRoutes(a, props("a"));
        assertThat(runtime.deployed()).isEmpty();

        runtime.activate(config());

        assertThat(runtime.deployed()).containsExactly(Map.entry("a", 2));
        assertThat(runtime.context().getRoute("a-route-0")).isNotNull();
        // the placeholders adapters use resolve from the runtime configuration
        assertThat(runtime.context().createProducerTemplate().requestBody("direct:a-0", "", String.class)).isEqualTo("18182");
        assertThat(runtime.context().getName()).isEqualTo("kjernebro");
    }

    @Test
    void unbindingRemovesExactlyThatAdaptersRoutes() throws Exception {
        runtime.activate(config());
        RoutesBuilder a = adapter("a", 2);
        RoutesBuilder b = adapter("b", 1);
        runtime.bindAdapterRoutes(a, props("a"));
        runtime.bindAdapterRoutes(b, props("b"));
        assertThat(runtime.context().getRoutes()).hasSize(3);

        runtime.unbindAdapterRoutes(a, props("a"));

        assertThat(runtime.context().getRoutes()).extracting(r -> r.getRouteId()).containsExactly("b-route-0");
        assertThat(runtime.deployed()).containsExactly(Map.entry("b", 1));

        // an updated adapter comes back with the same route ids
        runtime.bindAdapterRoutes(adapter("a", 2), props("a"));
        assertThat(runtime.context().getRoutes()).hasSize(3);
    }

    @Test
    void anAdapterWhoseRoutesClashIsNotAddedAndLeavesOthersAlone() throws Exception {
        runtime.activate(config());
        runtime.bindAdapterRoutes(adapter("a", 1), props("a"));
        RoutesBuilder clash = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:c-0").routeId("c-route-0").log("c");
                from("direct:a-0").routeId("a-route-0").log("duplicate id");
            }
        };
        runtime.bindAdapterRoutes(clash, props("c"));

        assertThat(runtime.context().getRoutes()).extracting(r -> r.getRouteId()).containsExactly("a-route-0");
        assertThat(runtime.deployed()).containsOnlyKeys("a");
        runtime.unbindAdapterRoutes(clash, props("c"));
        assertThat(runtime.context().getRoutes()).hasSize(1);
    }
}
