package no.kjernebro.audit.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The application's side of append-only: every connection handed out refuses SQL that would
 * change or remove audit records or checkpoints. PostgreSQL enforces the same with a trigger; H2
 * cannot (its triggers are Java classes its own bundle would have to load), so on H2 this guard is
 * the enforcement. Only migrations and the retention purge use the unguarded DataSource.
 * A refusal is a programming error: it is logged at ERROR and fails with SQLSTATE {@code KJB01},
 * the code the PostgreSQL trigger raises.
 */
final class AppendOnlyDataSource implements DataSource {

    static final String SQLSTATE = "KJB01";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(AppendOnlyDataSource.class);
    private static final Pattern CHANGES_PROTECTED_TABLE = Pattern.compile(
            "^\\s*(?:(?:/\\*.*?\\*/|--[^\\n]*\\n)\\s*)*"
                    + "(?:UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?"
                    + "|ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?)\\s+(?:ONLY\\s+)?(?:\"?\\w+\"?\\.)?\"?"
                    + "kjb_audit_(?:record|checkpoint)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final DataSource delegate;

    AppendOnlyDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Refuses {@code sql} when it would update or delete records or checkpoints. */
    static void check(String sql) throws SQLException {
        if (sql != null && CHANGES_PROTECTED_TABLE.matcher(sql).find()) {
            LOG.error("Refused a statement that would change the append-only audit log: {}", LogSafe.mask(sql));
            throw new SQLException("the audit log is append-only; refused: " + LogSafe.mask(sql), SQLSTATE);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guard(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guard(delegate.getConnection(username, password));
    }

    private static Connection guard(Connection real) {
        return (Connection) Proxy.newProxyInstance(AppendOnlyDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null) {
                        check((String) args[0]);
                    }
                    Object result = invoke(method, real, args);
                    if (result instanceof Statement && name.equals("createStatement")) {
                        return guardStatement((Statement) result);
                    }
                    return result;
                });
    }

    // Only plain statements take SQL at execution time; prepared ones were checked when prepared.
    private static Statement guardStatement(Statement real) {
        return (Statement) Proxy.newProxyInstance(AppendOnlyDataSource.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if ((method.getName().startsWith("execute") || method.getName().equals("addBatch"))
                            && args != null && args.length > 0 && args[0] instanceof String) {
                        check((String) args[0]);
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return delegate.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { delegate.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { delegate.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return delegate.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return delegate.getParentLogger(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
