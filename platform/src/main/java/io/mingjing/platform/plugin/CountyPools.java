package io.mingjing.platform.plugin;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.mingjing.platform.tenancy.TenantIds;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plugin SQL never uses the platform's connections. Each county gets a login role {@code tl_<id>}
 * that is a member of no role: it reaches the county's documented {@code v_} views and the modules'
 * own tables, granted to it by name, and nothing else — not the county's other tables, not another
 * county, not the registry. Whatever a plugin sends ({@code SET ROLE}, a schema-qualified name …),
 * PostgreSQL itself refuses the rest. A small pool per county connects as it, created on first use.
 */
@ApplicationScoped
public class CountyPools {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @ConfigProperty(name = "mingjing.plugins.county-pool-size", defaultValue = "4")
    int poolSize;

    private final Map<String, AgroalDataSource> pools = new ConcurrentHashMap<>();

    static String loginRole(String county) {
        return TenantIds.pluginLogin(county);
    }

    /** A connection as the county's login role, in a transaction, with session settings at their defaults. */
    public Connection connect(String county) throws SQLException {
        Connection c = pools.computeIfAbsent(county, this::open).getConnection();
        try {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // A previous call may have changed session settings; within one county only, but reset anyway.
                st.execute("RESET ALL");
            }
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private AgroalDataSource open(String county) {
        String role = loginRole(county);
        String secret = secret(county);
        try {
            ensureRole(county, role, secret);
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(poolSize).minSize(0).initialSize(0)
                            .acquisitionTimeout(Duration.ofSeconds(5)).reapTimeout(Duration.ofMinutes(2))
                            .maxLifetime(Duration.ofMinutes(30))
                            // like the platform's pool: a connection the database dropped (restart,
                            // failover) is found and replaced before a module gets it
                            .connectionValidator(ConnectionValidator.defaultValidator())
                            .idleValidationTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(10))
                            .connectionFactoryConfiguration(f -> f.jdbcUrl(url).autoCommit(false)
                                    .principal(new NamePrincipal(role)).credential(new SimplePassword(secret))
                                    .jdbcProperty("ApplicationName", "mingjing-plugins-" + county))));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the plugin database role of county " + county
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Converges: creates the login role or resets its password and defaults, and revokes the county
     * role that earlier versions granted it (the schema's grants are the county migration's).
     */
    private void ensureRole(String county, String role, String secret) throws SQLException {
        String countyRole = TenantIds.role(county);
        try (Connection c = DriverManager.getConnection(url, username, password); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " LOGIN INHERIT; END IF; END $$");
            st.execute("ALTER ROLE " + role + " LOGIN INHERIT NOCREATEDB NOCREATEROLE PASSWORD '"
                    + secret + "' CONNECTION LIMIT " + (poolSize * 8));
            st.execute("REVOKE " + countyRole + " FROM " + role);
            st.execute("ALTER ROLE " + role + " SET search_path TO " + TenantIds.schema(county));
            st.execute("ALTER ROLE " + role + " SET statement_timeout TO '60s'");
        }
    }

    /**
     * The role's password, derived from the platform's own database password: every replica computes
     * the same one, and nobody needs to store it.
     */
    private String secret(String county) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("mingjing-plugins:" + password).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(county.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the pool of a county, e.g. after it was deleted in tests; the next call opens a new one. */
    public void close(String county) {
        AgroalDataSource pool = pools.remove(county);
        if (pool != null) {
            pool.close();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pools.values().forEach(AgroalDataSource::close);
        pools.clear();
    }
}
