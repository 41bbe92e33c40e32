package no.kjernebro.audit.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a real DataSource and makes statements whose SQL contains {@code failOn} throw, so a
 * transaction can be broken half-way; or refuses connections altogether.
 */
final class FailingDataSource implements DataSource {

    private final DataSource delegate;
    private final String failOn;

    private FailingDataSource(DataSource delegate, String failOn) {
        this.delegate = delegate;
        this.failOn = failOn;
    }

    static DataSource failingOn(DataSource delegate, String sqlFragment) {
        return new FailingDataSource(delegate, sqlFragment);
    }

    static DataSource down() {
        return new FailingDataSource(null, null);
    }

    /** A database that does not answer: getConnection blocks until {@code release}, then connects. */
    static DataSource hangingUntil(java.util.concurrent.CountDownLatch release, DataSource delegate) {
        return new SwitchableDataSource(delegate) {
            @Override
            public Connection getConnection() throws SQLException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                }
                return super.getConnection();
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (delegate == null) {
            throw new SQLException("Connection refused", "08001");
        }
        Connection real = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0].toString().contains(failOn)) {
                        throw new SQLException("disk full (injected)", "53100");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
