package io.mingjing.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a module contributes, on one screen: who it is, its settings, the roles it relies on,
 * its menu entries, its database changelog, its HTTP routes and portal pages, the domain events it
 * listens to, its scheduled jobs, its notification channels and its warning rules. The platform stores only the id and the county's settings.
 *
 * <p>Build it with {@link #of}, listing the parts in any order:
 *
 * <pre>{@code
 * ModuleManifest.of("market", "1.2.0", new Names("农村集市", "Rural market"), "Residents post supply and demand.",
 *         Setting.textList("categories", List.of("蔬菜", "水果")),
 *         new Changelog("db/market.xml"),
 *         new RoleUse(Roles.CADRE, "moderates listings"),
 *         new MenuEntry(new Names("集市", "Market"), "/", Roles.ANYONE),
 *         Route.get("/listings", Roles.ANYONE, listings::list),
 *         Route.page("/", Roles.ANYONE, pages::index),
 *         Listener.on("appeal.created", appeals::note),
 *         Job.cron("expire", "0 0 * * * ?", listings::expire),
 *         Channel.of("sms", sms::deliver),
 *         WarningRule.cel("labour-rate", "labour", new Names("务工日薪过高", "Daily rate too high"),
 *                 WarningRule.Severity.YELLOW, WarningRule.Tier.VILLAGE, Facts.LABOUR,
 *                 "fact.dailyRate > double(threshold.maxRate)", Setting.number("maxRate", 300, 50, 5000)));
 * }</pre>
 *
 * @param id lowercase letters, digits and '-', 2–24 characters; also the prefix of its tables
 *        ('-' becomes '_') and the path segment in {@code /t/{county}/m/{id}/}
 * @param version the module's semantic version (normally the plugin's version)
 */
public record ModuleManifest(String id, String version, Names name, String description, List<Setting> settings,
        List<RoleUse> roles, List<MenuEntry> menu, Changelog changelog, List<Route> routes, List<Listener> listeners,
        List<Job> jobs, List<Channel> channels, List<WarningRule> warningRules) {

    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,23}$");

    public ModuleManifest {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("module id must match " + ID.pattern() + ": " + id);
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        settings = List.copyOf(settings);
        roles = List.copyOf(roles);
        menu = List.copyOf(menu);
        routes = List.copyOf(routes);
        listeners = List.copyOf(listeners);
        jobs = List.copyOf(jobs);
        channels = List.copyOf(channels);
        warningRules = List.copyOf(warningRules);
        if (warningRules.stream().map(WarningRule::id).distinct().count() < warningRules.size()) {
            throw new IllegalArgumentException("two warning rules of module " + id + " share an id");
        }
    }

    /** The SDK 1.4 shape, without warning rules. */
    public ModuleManifest(String id, String version, Names name, String description, List<Setting> settings,
            List<RoleUse> roles, List<MenuEntry> menu, Changelog changelog, List<Route> routes, List<Listener> listeners,
            List<Job> jobs, List<Channel> channels) {
        this(id, version, name, description, settings, roles, menu, changelog, routes, listeners, jobs, channels,
                List.of());
    }

    /** One part of a manifest: a setting, role use, menu entry, changelog, route, listener, job, channel or warning rule. */
    public sealed interface Part permits Setting, RoleUse, MenuEntry, Changelog, Route, Listener, Job, Channel,
            WarningRule {
    }

    public static ModuleManifest of(String id, String version, Names name, String description, Part... parts) {
        List<Setting> settings = new ArrayList<>();
        List<RoleUse> roles = new ArrayList<>();
        List<MenuEntry> menu = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<Listener> listeners = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<WarningRule> rules = new ArrayList<>();
        Changelog changelog = null;
        for (Part part : parts) {
            switch (part) {
                case Setting s -> settings.add(s);
                case RoleUse r -> roles.add(r);
                case MenuEntry m -> menu.add(m);
                case Route r -> routes.add(r);
                case Listener l -> listeners.add(l);
                case Job j -> jobs.add(j);
                case Channel c -> channels.add(c);
                case WarningRule w -> rules.add(w);
                case Changelog c -> {
                    if (changelog != null) {
                        throw new IllegalArgumentException("a module has at most one changelog");
                    }
                    changelog = c;
                }
            }
        }
        return new ModuleManifest(id, version, name, description, settings, roles, menu, changelog, routes,
                listeners, jobs, channels, rules);
    }

    /** The prefix every table of this module must carry, e.g. {@code market_}. */
    public String tablePrefix() {
        return id.replace('-', '_') + "_";
    }

    public Setting setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
