package no.kjernebro.auditreview.internal.rules;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class H2FindingsTest extends FindingsContract {

    private final JdbcDataSource h2 = new JdbcDataSource();

    H2FindingsTest() {
        h2.setURL("jdbc:h2:mem:review-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    protected DataSource dataSource() {
        return h2;
    }
}
