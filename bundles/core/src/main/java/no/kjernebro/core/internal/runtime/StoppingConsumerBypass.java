package no.kjernebro.core.internal.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.component.jetty.JettyHttpComponent;
import org.apache.camel.http.common.CamelServlet;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.http.common.ServletResolveConsumerStrategy;
import org.apache.camel.support.RestConsumerContextPathMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the consumer resolution of the Jetty servlet on the adapters' port so that a new request never
 * reaches the consumer of a route that is stopping. While Camel stops a route gracefully it keeps the
 * suspended consumer registered (in-flight exchanges resume through it), and camel-jetty answers a new
 * request for it with a bare 503; hidden from new requests, those reach the fallback route, which
 * answers with the "adapter unavailable" problem. Resumed (async-dispatched) requests still see every
 * consumer, so in-flight exchanges finish through their own route.
 *
 * <p>Also keeps camel-jetty's 405: a wrong method on an adapter's path would otherwise fall through
 * to the fallback route, which takes every method.
 *
 * <p>Reflection is confined to this class: the servlet is reachable only through camel-jetty's
 * connector table, and the request type (jakarta.servlet) is not exported by the camel-runtime
 * bundle, so the strategy is a proxy defined in that bundle's class loader. If camel-jetty changes
 * shape, {@link #install} returns false and the runtime works as before, with bare 503s while an
 * adapter stops.
 */
final class StoppingConsumerBypass implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StoppingConsumerBypass.class);

    private final ServletResolveConsumerStrategy delegate;
    private final HttpConsumer fallback;
    private final Method dispatcherType;
    private final Method pathInfo;

    private StoppingConsumerBypass(ServletResolveConsumerStrategy delegate, HttpConsumer fallback,
                                   Method dispatcherType, Method pathInfo) {
        this.delegate = delegate;
        this.fallback = fallback;
        this.dispatcherType = dispatcherType;
        this.pathInfo = pathInfo;
    }

    /** Installs the bypass on the servlet that serves {@code fallbackConsumer}; false if it could not. */
    static boolean install(Consumer fallbackConsumer) {
        try {
            if (!(fallbackConsumer instanceof HttpConsumer fallback)) {
                return false;
            }
            CamelServlet servlet = servletOf(fallback);
            if (servlet == null) {
                LOG.warn("No Jetty servlet found for {}; stopping adapters will answer a bare 503", fallback.getPath());
                return false;
            }
            ServletResolveConsumerStrategy current = servlet.getServletResolveConsumerStrategy();
            if (Proxy.isProxyClass(current.getClass()) && Proxy.getInvocationHandler(current) instanceof StoppingConsumerBypass) {
                return true;
            }
            Class<?> requestType = requestType();
            StoppingConsumerBypass handler = new StoppingConsumerBypass(current, fallback,
                    requestType.getMethod("getDispatcherType"), requestType.getMethod("getPathInfo"));
            ClassLoader loader = ServletResolveConsumerStrategy.class.getClassLoader();
            servlet.setServletResolveConsumerStrategy((ServletResolveConsumerStrategy) Proxy.newProxyInstance(
                    loader, new Class<?>[] {ServletResolveConsumerStrategy.class}, handler));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not install the stopping-adapter bypass ({}); stopping adapters will answer a bare 503", e.toString());
            return false;
        }
    }

    private static CamelServlet servletOf(HttpConsumer consumer) throws ReflectiveOperationException {
        Field connectors = JettyHttpComponent.class.getDeclaredField("CONNECTORS");
        connectors.setAccessible(true);
        Map<?, ?> refs = (Map<?, ?>) connectors.get(null);
        for (Object ref : refs.values()) { // a ConcurrentHashMap in camel-jetty
            Field servletField = ref.getClass().getDeclaredField("servlet");
            servletField.setAccessible(true);
            if (servletField.get(ref) instanceof CamelServlet servlet && servlet.getConsumers().containsValue(consumer)) {
                return servlet;
            }
        }
        return null;
    }

    private static Class<?> requestType() throws NoSuchMethodException {
        for (Method m : ServletResolveConsumerStrategy.class.getMethods()) {
            if (m.getName().equals("resolve")) {
                return m.getParameterTypes()[0];
            }
        }
        throw new NoSuchMethodException("ServletResolveConsumerStrategy.resolve");
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "StoppingConsumerBypass[" + delegate + "]";
            };
        }
        int mapIndex = args == null ? -1 : args.length - 1;
        if (mapIndex < 0 || !(args[mapIndex] instanceof Map<?, ?>) || !isInitial(args[0])) {
            return call(method, args);
        }
        @SuppressWarnings("unchecked")
        Map<String, HttpConsumer> accepting = accepting((Map<String, HttpConsumer>) args[mapIndex]);
        Object[] actual = args.clone();
        actual[mapIndex] = accepting;
        Object answer = call(method, actual);
        if (answer == fallback && "resolve".equals(method.getName()) && servedForOtherMethods(args[0], accepting)) {
            return null; // the servlet then answers 405, as it does without a fallback route
        }
        return answer;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** False for an async re-dispatch: the in-flight exchange resumes through the consumer that took it. */
    private boolean isInitial(Object request) throws ReflectiveOperationException {
        return !"ASYNC".equals(String.valueOf(dispatcherType.invoke(request)));
    }

    private static Map<String, HttpConsumer> accepting(Map<String, HttpConsumer> consumers) {
        Map<String, HttpConsumer> out = new LinkedHashMap<>();
        consumers.forEach((key, c) -> {
            if (!(c.isSuspended() || c.isSuspending() || c.isStopping() || c.isStopped())) {
                out.put(key, c);
            }
        });
        return out;
    }

    private boolean servedForOtherMethods(Object request, Map<String, HttpConsumer> accepting)
            throws ReflectiveOperationException {
        String path = (String) pathInfo.invoke(request);
        for (HttpConsumer c : accepting.values()) {
            if (c != fallback && RestConsumerContextPathMatcher.matchPath(path, c.getPath(), c.getEndpoint().isMatchOnUriPrefix())) {
                return true;
            }
        }
        return false;
    }
}
