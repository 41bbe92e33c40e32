package no.kjernebro.audit.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource whose database can be taken away and brought back during a test. */
class SwitchableDataSource implements DataSource {

    volatile DataSource target;

    SwitchableDataSource(DataSource target) {
        this.target = target;
    }

    @Override public Connection getConnection() throws SQLException { return target.getConnection(); }
    @Override public Connection getConnection(String u, String p) throws SQLException { return target.getConnection(u, p); }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
