package no.kjernebro.core.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CamelRuntimeTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final CamelRuntime runtime = new CamelRuntime();
    private final int port = freePort();

    private RuntimeConfiguration config() {
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
                return port;
            }

            @Override
            public int routeStopTimeoutSeconds() {
                return 20;
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

    /** An HTTP adapter like the real ones: one exact path, POST only. */
    private static RoutesBuilder httpAdapter(String id, CountDownLatch gate) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}/kjernebro/" + id + "/v1/ping?httpMethodRestrict=POST")
                        .routeId(id + "-ping")
                        .process(e -> {
                            // a request marked "slow" stays in flight until the test opens the gate
                            if ("slow".equals(e.getIn().getHeader("X-Test", String.class)) && gate != null) {
                                gate.await(30, TimeUnit.SECONDS);
                            }
                            e.getMessage().removeHeaders("*");
                            e.getMessage().setBody("pong from " + id);
                        });
            }
        };
    }

    private static Map<String, Object> props(String id) {
        return Map.of("kjernebro.adapter.id", id);
    }

    private List<String> adapterRouteIds() {
        return runtime.context().getRoutes().stream().map(Route::getRouteId)
                .filter(id -> !id.equals(FallbackRoute.ROUTE_ID)).toList();
    }

    private HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("<ping/>"));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
        assertThat(runtime.context().createProducerTemplate().requestBody("direct:a-0", "", String.class))
                .isEqualTo(Integer.toString(port));
        assertThat(runtime.context().getName()).isEqualTo("kjernebro");
    }

    @Test
    void unbindingRemovesExactlyThatAdaptersRoutes() throws Exception {
        runtime.activate(config());
        RoutesBuilder a = adapter("a", 2);
        RoutesBuilder b = adapter("b", 1);
        runtime.bindAdapterRoutes(a, props("a"));
        runtime.bindAdapterRoutes(b, props("b"));
        assertThat(adapterRouteIds()).hasSize(3);

        runtime.unbindAdapterRoutes(a, props("a"));

        assertThat(adapterRouteIds()).containsExactly("b-route-0");
        assertThat(runtime.deployed()).containsExactly(Map.entry("b", 1));
        assertThat(runtime.context().getRoute(FallbackRoute.ROUTE_ID)).isNotNull();

        // an updated adapter comes back with the same route ids
        runtime.bindAdapterRoutes(adapter("a", 2), props("a"));
        assertThat(adapterRouteIds()).hasSize(3);
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

        assertThat(adapterRouteIds()).containsExactly("a-route-0");
        assertThat(runtime.deployed()).containsOnlyKeys("a");
        runtime.unbindAdapterRoutes(clash, props("c"));
        assertThat(adapterRouteIds()).hasSize(1);
    }

    @Test
    void anAbsentAdapterIsAnsweredWithAdapterUnavailableAndNothingOfTheRequestIsEchoed() throws Exception {
        runtime.activate(config());

        HttpResponse<String> r = post("/kjernebro/sykehjem-xml/v1/oppslag?fnr=05902823095",
                "X-Api-Key", "secret-key", "Content-Type", "application/xml");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"title\":\"adapter unavailable\"", "\"status\":503", "\"adapter\":\"sykehjem-xml\"",
                "\"type\":\"" + UnavailableAnswer.TYPE_UNAVAILABLE + "\"");
        assertThat(r.body()).doesNotContain("05902823095", "secret-key", "ping");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Api-Key"));
    }

    @Test
    void pathsOutsideAnyAdapterAreNotFound() throws Exception {
        runtime.activate(config());

        for (String path : new String[] {"/", "/other", "/kjernebro", "/kjernebro/Not_An_Id!/v1/x"}) {
            HttpResponse<String> r = post(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("\"type\":\"" + UnavailableAnswer.TYPE_NOT_FOUND + "\"", "\"status\":404");
            assertThat(r.headers().firstValue("Retry-After")).as(path).isEmpty();
        }
    }

    @Test
    void anAdaptersExactPathWinsOverTheFallbackAndKeepsItsMethodRestriction() throws Exception {
        runtime.activate(config());
        runtime.bindAdapterRoutes(httpAdapter("a", null), props("a"));

        assertThat(post("/kjernebro/a/v1/ping").body()).isEqualTo("pong from a");
        assertThat(get("/kjernebro/a/v1/ping").statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = post("/kjernebro/a/v1/unknown");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains(UnavailableAnswer.TYPE_NOT_FOUND);
    }

    @Test
    void aRequestTheAdapterWouldServeIsNeverNotFoundOnlyUnavailable() throws Exception {
        runtime.activate(config());
        RoutesBuilder a = httpAdapter("a", null);
        runtime.bindAdapterRoutes(a, props("a"));

        // what the fallback route asks when a request for adapter a reached it
        assertThat(runtime.lacksEndpoint("a", "POST", "/kjernebro/a/v1/ping")).isFalse(); // raced a swap: 503
        assertThat(runtime.lacksEndpoint("a", "POST", "/kjernebro/a/v1/other")).isTrue(); // 404
        assertThat(runtime.lacksEndpoint("a", "GET", "/kjernebro/a/v1/ping")).isTrue();
        assertThat(runtime.lacksEndpoint("x", "POST", "/kjernebro/x/v1/ping")).isFalse(); // absent: 503

        runtime.unbindAdapterRoutes(a, props("a"));
        assertThat(runtime.lacksEndpoint("a", "POST", "/kjernebro/a/v1/other")).isFalse();
    }

    @Test
    void theServerOutlivesTheLastAdapter() throws Exception {
        runtime.activate(config());
        RoutesBuilder a = httpAdapter("a", null);
        runtime.bindAdapterRoutes(a, props("a"));

        runtime.unbindAdapterRoutes(a, props("a"));

        // camel-jetty alone would have stopped the server here: connection refused
        assertThat(post("/kjernebro/a/v1/ping").statusCode()).isEqualTo(503);
        // a reinstalled adapter is served again on the same server
        runtime.bindAdapterRoutes(httpAdapter("a", null), props("a"));
        assertThat(post("/kjernebro/a/v1/ping").body()).isEqualTo("pong from a");
    }

    @Test
    void removalLetsTheInFlightRequestFinishWhileNewRequestsGetAdapterUnavailable() throws Exception {
        runtime.activate(config());
        CountDownLatch gate = new CountDownLatch(1);
        RoutesBuilder a = httpAdapter("a", gate);
        runtime.bindAdapterRoutes(a, props("a"));
        runtime.bindAdapterRoutes(httpAdapter("b", null), props("b"));

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> send("slow"));
        awaitInflight("a-ping", 1);
        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> runtime.unbindAdapterRoutes(a, props("a")));

        // once the removal has begun, a new request gets the problem answer, never the bare 503 of a suspended consumer
        HttpResponse<String> during = awaitStatus(503);
        assertThat(during.body()).contains("adapter unavailable", "\"adapter\":\"a\"");
        assertThat(during.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(post("/kjernebro/b/v1/ping").body()).isEqualTo("pong from b");
        assertThat(removal).isNotDone();
        assertThat(runtime.deployed()).containsKey("a"); // its route is still there, finishing

        gate.countDown();

        HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("pong from a");
        removal.get(30, TimeUnit.SECONDS);
        assertThat(runtime.deployed()).containsOnlyKeys("b");
        assertThat(adapterRouteIds()).containsExactly("b-ping");
    }

    private HttpResponse<String> send(String marker) {
        try {
            return post("/kjernebro/a/v1/ping", "X-Test", marker);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the route has that many exchanges in flight. */
    private void awaitInflight(String routeId, int n) throws InterruptedException {
        for (int i = 0; i < 3000 && runtime.context().getInflightRepository().size(routeId) < n; i++) {
            Thread.sleep(10);
        }
        assertThat(runtime.context().getInflightRepository().size(routeId)).isEqualTo(n);
    }

    /** Sends fast requests to adapter a until one is answered with the status. */
    private HttpResponse<String> awaitStatus(int status) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/kjernebro/a/v1/ping");
        for (int i = 0; i < 3000 && r.statusCode() != status; i++) {
            assertThat(r.statusCode()).isEqualTo(200);
            Thread.sleep(10);
            r = post("/kjernebro/a/v1/ping");
        }
        assertThat(r.statusCode()).isEqualTo(status);
        return r;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
