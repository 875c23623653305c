package io.mingjing.platform.tenancy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Hands Hibernate connections that can only see one county: the county's role and schema are set
 * on every checkout. Inside a transaction they are {@code SET LOCAL} and vanish at commit or
 * rollback; outside one they are session settings reset before the connection returns to the pool,
 * because Agroal does not reset them.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SchemaConnectionResolver implements TenantConnectionResolver {

    /** A schema that never exists: a session without a county finds no tables. */
    static final String NO_SCHEMA = "mingjing_no_county";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new CountyConnections(dataSource, tenantId);
    }

    /** Scopes a connection to a county; also used for plain JDBC work in {@link TenantScope#jdbc}. */
    static void enter(Connection connection, String tenantId) throws SQLException {
        boolean local = !connection.getAutoCommit();
        String scope = local ? "SET LOCAL " : "SET ";
        try (Statement st = connection.createStatement()) {
            if (TenantIds.isValid(tenantId)) {
                st.execute(scope + "ROLE " + TenantIds.role(tenantId));
                st.execute(scope + "search_path TO " + TenantIds.schema(tenantId));
            } else {
                st.execute(scope + "search_path TO " + NO_SCHEMA);
            }
        }
    }

    static void leave(Connection connection) throws SQLException {
        // a rolled-back transaction's connection may come back closed; asking it anything then throws
        if (!connection.isClosed() && connection.getAutoCommit()) {
            try (Statement st = connection.createStatement()) {
                st.execute("RESET ROLE");
                st.execute("RESET search_path");
            }
        }
    }

    private record CountyConnections(AgroalDataSource dataSource, String tenantId) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = dataSource.getConnection();
            try {
                enter(connection, tenantId);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            try {
                leave(connection);
            } finally {
                connection.close();
            }
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> unwrapType) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> unwrapType) {
            throw new IllegalArgumentException("not unwrappable");
        }
    }
}
