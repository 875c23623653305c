package io.mingjing.sdk.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Channel;
import io.mingjing.sdk.Event;
import io.mingjing.sdk.Job;
import io.mingjing.sdk.JdbcSql;
import io.mingjing.sdk.Listener;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Notification;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.Route;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.Settings;
import io.mingjing.sdk.Sql;
import io.mingjing.sdk.TenantContext;
import io.mingjing.sdk.WarningRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import liquibase.exception.LiquibaseException;

/**
 * Runs a module as the platform would — its changelog in a real PostgreSQL county schema, its routes
 * and pages with a chosen caller, its jobs and listeners — without the platform.
 *
 * <p>Behind the same data boundary as in the platform: the county schema is migrated with the
 * platform's own county changelog, the module's changelog runs as the county's plugin owner role,
 * and the module's SQL (routes, pages, jobs, listeners, channels) logs in as the plugin login role,
 * a member of no role. It reaches its own tables and the read-only {@code v_} views; anything else
 * ({@code SELECT * FROM resident}, writing a view, {@code SET ROLE}, another county) fails with
 * PostgreSQL's <i>permission denied</i> (SQLState {@code 42501}), as in production.
 *
 * <pre>{@code
 * try (ModuleTestKit kit = ModuleTestKit.start(new MarketModule())) {
 *     TestReply r = kit.post(Callers.villager(kit.county(), "张三", "450521100201"), "/listings", Map.of(…));
 *     assertEquals(201, r.status());
 * }
 * }</pre>
 *
 * Each call is one transaction committed when the reply is below 400, as in the platform; audit
 * entries and published events are recorded, and events reach the module's own listeners.
 */
public final class ModuleTestKit implements AutoCloseable {

    /** An audit entry the module asked for. */
    public record Audit(String actor, String action, String entity, String entityId, String payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ModuleManifest manifest;
    private final String county;
    private final String schema;
    private final TestDatabase.County db;
    private final Pages pages;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Audit> audits = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong eventSeq = new java.util.concurrent.atomic.AtomicLong();
    private Clock clock = Clock.systemUTC();

    private ModuleTestKit(Module module) {
        this.manifest = module.manifest();
        this.county = "tk-" + UUID.randomUUID().toString().substring(0, 8);
        this.schema = "t_" + county.replace('-', '_');
        this.db = new TestDatabase.County(schema, UUID.randomUUID().toString());
        this.pages = new Pages(module.getClass().getClassLoader());
    }

    /** Creates a fresh county as the platform onboards one and runs the module's changelog in it. */
    public static ModuleTestKit start(Module module) {
        ModuleTestKit kit = new ModuleTestKit(module);
        try {
            TestDatabase.createCounty(kit.db);
        } catch (SQLException | LiquibaseException e) {
            kit.close();
            throw new IllegalStateException("the county changelog failed: " + e.getMessage(), e);
        }
        try {
            kit.migrate(module.getClass().getClassLoader());
            return kit;
        } catch (SQLException | LiquibaseException | RuntimeException e) {
            kit.close();
            throw new IllegalStateException("the module's changelog failed: " + e.getMessage(), e);
        }
    }

    /** As the platform's ModuleMigrator: as the plugin owner role, whose tables the login role may use. */
    private void migrate(ClassLoader loader) throws SQLException, LiquibaseException {
        if (manifest.changelog() == null) {
            return;
        }
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("SET ROLE " + db.owner());
            st.execute("SET search_path TO " + schema);
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT, INSERT, UPDATE, DELETE, "
                    + "TRUNCATE ON TABLES TO " + db.login());
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "
                    + db.login());
            TestDatabase.update(c, schema, manifest.changelog().path(), manifest.tablePrefix(), loader);
            checkPrefixes(c);
        }
    }

    /** The platform refuses a module whose changelog leaves objects without its prefix; so does the kit. */
    private void checkPrefixes(Connection c) throws SQLException {
        List<Map<String, Object>> objects = new JdbcSql(c, 0).query(
                "SELECT relname AS name FROM pg_class WHERE relnamespace = ?::regnamespace "
                        + "AND relkind IN ('r','v','m','p','S','f') AND relowner = current_user::text::regrole "
                        + "AND NOT starts_with(relname, ?) "
                        + "UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = ?::regnamespace "
                        + "AND proowner = current_user::text::regrole AND NOT starts_with(proname, ?)",
                schema, manifest.tablePrefix(), schema, manifest.tablePrefix());
        if (!objects.isEmpty()) {
            throw new IllegalStateException("objects without the prefix '" + manifest.tablePrefix() + "': "
                    + objects.stream().map(o -> o.get("name")).toList());
        }
    }

    public String county() {
        return county;
    }

    public ModuleManifest manifest() {
        return manifest;
    }

    /** Sets settings as a tenant admin would; invalid values fail as the platform's 422 would. */
    public ModuleTestKit settings(Map<String, Object> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Setting spec = manifest.setting(key);
            String problem = spec == null ? "is not a setting of this module" : spec.validate(value);
            if (problem != null) {
                errors.put(key, problem);
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid settings: " + errors);
        }
        settings.putAll(values);
        return this;
    }

    /** Fixes "now" for the module, e.g. to test expiry. */
    public ModuleTestKit clock(Instant now) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        return this;
    }

    public TestReply get(Caller caller, String pathAndQuery) {
        return call(caller, "GET", false, pathAndQuery, null, null);
    }

    public TestReply post(Caller caller, String path, Object json) {
        return call(caller, "POST", false, path, "application/json", toJson(json));
    }

    public TestReply put(Caller caller, String path, Object json) {
        return call(caller, "PUT", false, path, "application/json", toJson(json));
    }

    public TestReply delete(Caller caller, String path) {
        return call(caller, "DELETE", false, path, null, null);
    }

    /** A raw body, e.g. a photo or a CSV file. */
    public TestReply send(Caller caller, String method, String path, String contentType, byte[] body) {
        return call(caller, method, false, path, contentType, body);
    }

    /** A portal page, rendered to HTML. */
    public TestReply page(Caller caller, String pathAndQuery) {
        return call(caller, "GET", true, pathAndQuery, null, null);
    }

    /** A portal form post. */
    public TestReply form(Caller caller, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return call(caller, "POST", true, path, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a job once in this county, as the scheduler would. */
    public void runJob(String name) {
        Job job = manifest.jobs().stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job '" + name + "'"));
        inTransaction(Caller.SYSTEM, ctx -> {
            job.handler().run(ctx);
            return true;
        }, ok -> true);
    }

    /**
     * Runs a Java warning rule's check once in this county, as the platform's evaluation would: as the
     * plugin login role, reading the {@code v_fact_} views, with the rule's thresholds at their defaults
     * over which {@code thresholds} are set (each validated against its bounds, as a county admin's would be).
     *
     * @param entities the entities an event concerned; empty for every entity
     * @param from start of a backtest's period, or null; @param to its end, or null
     */
    public List<WarningRule.Hit> checkRule(String id, List<String> entities, Instant from, Instant to,
            Map<String, Object> thresholds) {
        WarningRule rule = manifest.warningRules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no warning rule '" + id + "'"));
        if (rule.check() == null) {
            throw new IllegalArgumentException("rule '" + id + "' is CEL: the platform checks and runs it");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : rule.thresholds()) {
            Object v = thresholds.getOrDefault(s.key(), s.defaultValue());
            String problem = s.validate(v);
            if (problem != null) {
                throw new IllegalArgumentException("threshold " + s.key() + " " + problem);
            }
            values.put(s.key(), v);
        }
        WarningRule.Scope scope = new WarningRule.Scope(entities, from, to, new Settings(values));
        return inTransaction(Caller.SYSTEM, ctx -> rule.check().find(ctx, scope), ok -> true);
    }

    /**
     * Delivers an event (as if the platform published it) to the module's listeners.
     *
     * @return the event, to {@link #redeliver(Event)} it
     */
    public Event publish(String type, String entityId, Map<String, Object> data) {
        Event event = new Event(type, county, "platform", entityId, data, clock.instant(), nextEventId(), 1);
        deliver(event);
        return event;
    }

    /** Delivers the same event again, same id, as the platform may after a crash: a listener should dedupe. */
    public void redeliver(Event event) {
        deliver(event);
    }

    private String nextEventId() {
        return county + ":" + eventSeq.incrementAndGet();
    }

    /** Hands a notification to the module's channel, as the platform does for a person's inbox message. */
    public void notify(String channel, Notification notification) {
        Channel c = channel(channel);
        inTransaction(Caller.SYSTEM, ctx -> {
            c.notifier().deliver(ctx, notification);
            return true;
        }, ok -> true);
    }

    /**
     * Hands a batch to the module's channel in one transaction, as the platform's channel rounds do (SDK 1.6).
     *
     * @return what the channel did not deliver, by notification id, with why
     */
    public Map<Long, String> notifyAll(String channel, List<Notification> batch) {
        Channel c = channel(channel);
        return inTransaction(Caller.SYSTEM, ctx -> c.notifier().deliverAll(ctx, batch), failed -> true);
    }

    private Channel channel(String name) {
        return manifest.channels().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel '" + name + "'"));
    }

    public List<Audit> audits() {
        return Collections.unmodifiableList(audits);
    }

    /** Events the module published. */
    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * SQL in the county's schema for arranging and checking data, with the platform's privileges, not
     * the module's: it may write the county's tables behind the views (e.g. {@code org_unit}) as well
     * as the module's. Each call is its own transaction.
     */
    public List<Map<String, Object>> sql(String sql, Object... params) {
        return inTransaction(() -> TestDatabase.admin(db), Caller.SYSTEM, ctx -> run(ctx.sql(), sql, params),
                ok -> true);
    }

    /**
     * SQL exactly as the module's own would run — as the plugin login role — e.g. to show what it can
     * reach. Each call is its own transaction; a refused statement fails with the SQLException as cause.
     */
    public List<Map<String, Object>> moduleSql(String sql, Object... params) {
        return inTransaction(Caller.SYSTEM, ctx -> run(ctx.sql(), sql, params), ok -> true);
    }

    private static List<Map<String, Object>> run(Sql on, String sql, Object... params) throws SQLException {
        return sql.trim().toUpperCase().startsWith("SELECT") ? on.query(sql, params)
                : List.of(Map.<String, Object>of("count", on.update(sql, params)));
    }

    private TestReply call(Caller caller, String method, boolean portal, String pathAndQuery, String contentType,
            byte[] body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, List<String>> query = q < 0 ? Map.of() : Query.parse(pathAndQuery.substring(q + 1));
        for (Route route : manifest.routes()) {
            Map<String, String> params = route.match(method, portal, path);
            if (params == null) {
                continue;
            }
            if (!caller.hasRole(route.role())) {
                int status = caller.anonymous() ? 401 : 403;
                return new TestReply(status, new Reply.Problem(status, status == 401 ? "Unauthorized" : "Forbidden",
                        "needs role " + route.role(), null), null, null);
            }
            Object json = contentType != null && contentType.contains("json") ? parse(body) : null;
            Request request = new Request(method, path, params, query, Map.of(), contentType, body, json);
            Reply reply = inTransaction(caller, ctx -> route.handler().handle(ctx, request),
                    r -> r != null && r.status() < 400);
            return toTestReply(caller, reply);
        }
        return new TestReply(404, Reply.notFound("no route " + method + " " + path), null, null);
    }

    private TestReply toTestReply(Caller caller, Reply reply) {
        if (reply == null) {
            throw new AssertionError("the handler returned no reply");
        }
        return switch (reply) {
            case Reply.Json j -> new TestReply(j.status(), j, JSON.convertValue(j.body(), Object.class), null);
            case Reply.Page p -> new TestReply(p.status(), p, null, pages.render(p.template(), model(caller, p)));
            default -> new TestReply(reply.status(), reply, null, null);
        };
    }

    private Map<String, Object> model(Caller caller, Reply.Page page) {
        Map<String, Object> model = new LinkedHashMap<>(page.model() == null ? Map.of() : page.model());
        String base = "/t/" + county + "/m/" + manifest.id();
        model.put("county", county);
        model.put("module", manifest.id());
        model.put("base", base);
        model.put("api", "/api" + base);
        model.put("static", base + "/static");
        model.put("caller", caller);
        model.put("loggedIn", !caller.anonymous() && county.equals(caller.county()));
        model.put("settings", Settings.of(manifest, settings).values());
        model.put("csrf", "testkit-csrf-token");
        return model;
    }

    /** A callback in one transaction as the plugin login role; audits and events kept only on commit. */
    private <T> T inTransaction(Caller caller, Callback<T> callback, java.util.function.Predicate<T> commit) {
        return inTransaction(() -> TestDatabase.module(db), caller, callback, commit);
    }

    private <T> T inTransaction(Connect connect, Caller caller, Callback<T> callback,
            java.util.function.Predicate<T> commit) {
        List<Event> published = new ArrayList<>();
        T result;
        try (Connection c = connect.open()) {
            KitContext ctx = new KitContext(caller, new JdbcSql(c, 0), published);
            try {
                result = callback.run(ctx);
                if (commit.test(result)) {
                    c.commit();
                    audits.addAll(ctx.audits);
                } else {
                    c.rollback();
                    return result;
                }
            } catch (Exception e) {
                c.rollback();
                throw new AssertionError("the module threw " + e, e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        events.addAll(published);
        published.forEach(this::deliver);
        return result;
    }

    private void deliver(Event event) {
        for (Listener listener : manifest.listeners()) {
            if (listener.accepts(event)) {
                inTransaction(Caller.SYSTEM, ctx -> {
                    listener.handler().on(ctx, event);
                    return true;
                }, ok -> true);
            }
        }
    }

    private interface Connect {
        Connection open() throws SQLException;
    }

    private interface Callback<T> {
        T run(TenantContext ctx) throws Exception;
    }

    private final class KitContext implements TenantContext {
        private final Caller caller;
        private final Sql sql;
        private final List<Event> published;
        final List<Audit> audits = new ArrayList<>();

        KitContext(Caller caller, Sql sql, List<Event> published) {
            this.caller = caller;
            this.sql = sql;
            this.published = published;
        }

        public String county() {
            return county;
        }

        public String module() {
            return manifest.id();
        }

        public Caller caller() {
            return caller;
        }

        public Settings settings() {
            return Settings.of(manifest, settings);
        }

        public Sql sql() {
            return sql;
        }

        public void audit(String action, String entity, String entityId, String payload) {
            audits.add(new Audit(caller.anonymous() ? "anonymous" : county + ":" + caller.displayName(), action,
                    entity, entityId, payload));
        }

        public void publish(String type, String entityId, Map<String, Object> data) {
            published.add(new Event(type, county, manifest.id(), entityId, data, clock.instant(), nextEventId(), 1));
        }

        public Clock clock() {
            return clock;
        }
    }

    private static byte[] toJson(Object value) {
        try {
            return value instanceof byte[] b ? b : JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
    }

    /** Drops the county schema and its roles. */
    @Override
    public void close() {
        try {
            TestDatabase.dropCounty(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
