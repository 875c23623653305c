package io.mingjing.platform.cockpit;

import io.mingjing.platform.cockpit.CockpitView.Bar;
import io.mingjing.platform.cockpit.CockpitView.Chart;
import io.mingjing.platform.cockpit.CockpitView.Headline;
import io.mingjing.platform.cockpit.CockpitView.Place;
import io.mingjing.platform.cockpit.CockpitView.UnitRow;
import io.mingjing.platform.disclosure.DisclosureFigures;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.figure.FigureSource;
import io.mingjing.platform.figure.Figures;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.portal.Texts;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds a unit's cockpit from the rollups ({@link Figures}), never from the cases: who may see which
 * unit (inspectors, admins and departments the county; a town official the town; village staff the
 * village), reports for inspectors only, and for residents the public subset (counts of appeals,
 * approvals and disclosures — never people).
 */
@RequestScoped
public class Cockpit {

    static final Set<String> COUNTY_WIDE = Set.of(Role.TENANT_ADMIN, Role.INSPECTOR, Role.DEPARTMENT_STAFF);
    static final String REPORTS = "reports.";
    /** What residents may see, by the county's settings: counts of these metrics, no money paid to people, nothing about reports. */
    static final Map<String, Set<String>> PUBLIC = Map.of(
            CockpitFeature.PUBLIC_APPEALS, Set.of("appeals.kind", "appeals.category", "appeals.sla", "appeals.state"),
            CockpitFeature.PUBLIC_APPROVALS, Set.of("approvals.kind"),
            CockpitFeature.PUBLIC_DISCLOSURES, Set.of("disclosures.published"));
    /** The charts, in the order a page shows them. */
    static final List<String> CHARTS = List.of("appeals.kind", "appeals.category", "appeals.sla", "appeals.state",
            "reports.category", "reports.sla", "approvals.kind", "approvals.state", "approvals.sla", "approvals.step",
            "disclosures.published", "payments.programme", "warnings.category", "warnings.colour", "warnings.disposition",
            "warnings.rule", "warnings.false-alarm", "services.item", "services.state", "services.sla", "services.rated");
    static final Set<String> MONEY = Set.of("approvals.kind", "payments.programme");
    static final Set<String> HOURS = Set.of("approvals.step");
    private static final List<String> RANKED = List.of("appeals.kind", "appeals.sla", "appeals.rated",
            "approvals.kind", DisclosureFigures.PUBLISHED);
    private static final int MAX_DAYS = 3 * 366;

    @Inject
    Figures figures;
    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    Instance<FigureSource> sources;
    @Inject
    FeatureSwitches switches;

    /** The staff cockpit of a unit (null: the caller's own) over a period (nulls: this year so far). */
    @Transactional
    public CockpitView view(String unit, LocalDate from, LocalDate to, String language, String base) {
        Caller c = caller.get();
        String u = unit == null || unit.isBlank() ? ownUnit(c) : unit;
        requireMay(c, u);
        Predicate<String> shown = c.hasRole(Role.INSPECTOR) ? m -> true : m -> !m.startsWith(REPORTS);
        return build(u, period(from, to), shown, language, base, true);
    }

    /** The county's figures residents may see, as its admin chose: counts only; 404 when it chose none. */
    @Transactional
    public CockpitView publicView(String county, LocalDate from, LocalDate to, String language, String base) {
        Map<String, Object> chosen = switches.settings(county, CockpitFeature.ID);
        Set<String> shown = PUBLIC.entrySet().stream().filter(e -> !Boolean.FALSE.equals(chosen.get(e.getKey())))
                .flatMap(e -> e.getValue().stream()).collect(Collectors.toSet());
        if (shown.isEmpty()) {
            throw ProblemException.notFound("This county publishes no figures.");
        }
        return build(Figures.COUNTY, period(from, to), shown::contains, language, base, false);
    }

    private CockpitView build(String unit, LocalDate[] period, Predicate<String> shown, String language, String base,
            boolean staff) {
        Texts texts = Texts.of(language);
        Labels labels = new Labels(texts, sources);
        OrgUnit own = Figures.COUNTY.equals(unit) ? null : OrgUnit.findById(unit);
        List<String> villages = villages(unit, own);
        List<OrgUnit> children = children(unit, own);
        Map<String, List<Figures.Row>> byMetric = figures.sums(List.of(unit), period[0], period[1], List.of()).stream()
                .filter(r -> shown.test(r.metric())).collect(Collectors.groupingBy(Figures.Row::metric));
        Links links = new Links(base, unit, own != null && own.level == OrgUnitLevel.VILLAGE, period, staff);
        long covered = figures.villagesWith(villages, DisclosureFigures.PUBLISHED, "FINANCE", period[0], period[1]);
        List<Headline> headlines = Headlines.of(byMetric, covered, villages.size(), texts, links, staff);
        List<Chart> charts = CHARTS.stream().filter(byMetric::containsKey)
                .map(m -> chart(m, byMetric.get(m), texts, labels, links)).toList();
        List<UnitRow> ranking = staff ? rank(children, period, links) : List.of();
        String name = own == null ? texts.get("cockpit.county") : own.name;
        String level = own == null ? "COUNTY" : own.level.name();
        return new CockpitView(unit, name, level, period[0], period[1], headlines, charts, ranking,
                staff ? places(unit, own, children) : List.of());
    }

    private Chart chart(String metric, List<Figures.Row> rows, Texts texts, Labels labels, Links links) {
        boolean money = MONEY.contains(metric);
        boolean hours = HOURS.contains(metric);
        long max = rows.stream().mapToLong(r -> money ? r.total().longValue() : r.n()).max().orElse(1);
        List<Bar> bars = rows.stream().sorted(Comparator.comparingLong(Figures.Row::n).reversed()).map(r -> {
            long v = money ? r.total().longValue() : r.n();
            BigDecimal total = hours && r.n() > 0 ? r.total().divide(BigDecimal.valueOf(r.n()), 1, RoundingMode.HALF_UP)
                    : r.total();
            return new Bar(r.dim(), labels.of(metric, r.dim()), r.n(), total,
                    max <= 0 ? 0 : (int) Math.round(100.0 * v / max), links.of(metric, r.dim()));
        }).toList();
        return new Chart(metric, texts.get("cockpit.m." + metric), money, bars);
    }

    private List<UnitRow> rank(List<OrgUnit> children, LocalDate[] period, Links links) {
        Map<String, List<Figures.Row>> byUnit = figures.sums(children.stream().map(o -> o.code).toList(), period[0],
                period[1], RANKED).stream().collect(Collectors.groupingBy(Figures.Row::unit));
        List<UnitRow> rows = new ArrayList<>();
        for (OrgUnit child : children) {
            List<Figures.Row> r = byUnit.getOrDefault(child.code, List.of());
            List<String> villages = villages(child.code, child);
            long covered = child.level == OrgUnitLevel.VILLAGE ? (sum(r, DisclosureFigures.PUBLISHED, "FINANCE") > 0 ? 1 : 0)
                    : figures.villagesWith(villages, DisclosureFigures.PUBLISHED, "FINANCE", period[0], period[1]);
            long satisfied = sum(r, "appeals.rated", "satisfied");
            long rated = satisfied + sum(r, "appeals.rated", "unsatisfied");
            rows.add(new UnitRow(0, child.code, child.name, sum(r, "appeals.kind", null), sum(r, "appeals.sla", "RED"),
                    rated == 0 ? null : (int) Math.round(100.0 * satisfied / rated), sum(r, "approvals.kind", null),
                    amount(r, "approvals.kind"), covered, villages.size(), links.unit(child.code)));
        }
        // the red/green record: fewest red cases per case first, then the most satisfied
        rows.sort(Comparator.comparingDouble((UnitRow u) -> u.appeals() == 0 ? 0 : (double) u.red() / u.appeals())
                .thenComparing(u -> u.satisfaction() == null ? 0 : -u.satisfaction()).thenComparing(UnitRow::code));
        List<UnitRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UnitRow u = rows.get(i);
            ranked.add(new UnitRow(i + 1, u.code(), u.name(), u.appeals(), u.red(), u.satisfaction(), u.approvals(),
                    u.amount(), u.covered(), u.villages(), u.link()));
        }
        return ranked;
    }

    static long sum(List<Figures.Row> rows, String metric, String dim) {
        return rows.stream().filter(r -> r.metric().equals(metric) && (dim == null || r.dim().equals(dim)))
                .mapToLong(Figures.Row::n).sum();
    }

    static BigDecimal amount(List<Figures.Row> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).map(Figures.Row::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String ownUnit(Caller c) {
        if (c.roles().stream().anyMatch(COUNTY_WIDE::contains)) {
            return Figures.COUNTY;
        }
        if (c.orgUnit() == null || !c.isStaff()) {
            throw new ProblemException(403, "Forbidden", "The cockpit is for staff; residents see the county's public figures.");
        }
        return c.orgUnit();
    }

    private void requireMay(Caller c, String unit) {
        if (Figures.COUNTY.equals(unit)) {
            if (c.roles().stream().noneMatch(COUNTY_WIDE::contains)) {
                throw new ProblemException(403, "Forbidden", "Only county-wide staff see the whole county's figures.");
            }
            return;
        }
        OrgUnit u = OrgUnit.findById(unit);
        if (u == null || u.level == OrgUnitLevel.GRID) {
            throw new ProblemException(404, "Not Found", "No town or village " + unit + " in this county.");
        }
        places.requireActOn(unit);
    }

    static LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(Figures.BEIJING);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalid(400, "The period ends before it starts.", Map.of("from", "is after to"));
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalid(400, "The period is too long.", Map.of("to", "at most three years after from"));
        }
        return new LocalDate[] { start, end };
    }

    private static List<String> villages(String unit, OrgUnit own) {
        if (own == null) {
            return OrgUnit.<OrgUnit>list("level", OrgUnitLevel.VILLAGE).stream().map(o -> o.code).toList();
        }
        if (own.level == OrgUnitLevel.VILLAGE) {
            return List.of(own.code);
        }
        return OrgUnit.<OrgUnit>list("parentCode = ?1 and level = ?2", own.code, OrgUnitLevel.VILLAGE).stream()
                .map(o -> o.code).toList();
    }

    private static List<OrgUnit> children(String unit, OrgUnit own) {
        if (own == null) {
            return OrgUnit.list("level = ?1 order by code", OrgUnitLevel.TOWN);
        }
        if (own.level == OrgUnitLevel.TOWN) {
            return OrgUnit.list("parentCode = ?1 and level = ?2 order by code", own.code, OrgUnitLevel.VILLAGE);
        }
        return List.of();
    }

    private List<Place> places(String unit, OrgUnit own, List<OrgUnit> children) {
        List<Place> out = new ArrayList<>();
        Caller c = caller.get();
        if (c.roles().stream().anyMatch(COUNTY_WIDE::contains)) {
            out.add(new Place(Figures.COUNTY, null));
            OrgUnit.<OrgUnit>list("level = ?1 order by code", OrgUnitLevel.TOWN).forEach(t -> out.add(new Place(t.code, t.name)));
        } else if (own != null && own.parentCode != null && places.mayActOn(own.parentCode)) {
            OrgUnit parent = OrgUnit.findById(own.parentCode);
            out.add(new Place(parent.code, parent.name));
        }
        if (own != null && out.stream().noneMatch(p -> p.code().equals(unit))) {
            out.add(new Place(own.code, own.name));
        }
        children.forEach(ch -> out.add(new Place(ch.code, ch.name)));
        return out;
    }

    /** Names of dimension values: the sources' text keys, then names kept in the county's data, else the code. */
    private record Labels(Texts texts, Map<String, String> prefixes, Map<String, String> named) {

        Labels(Texts texts, Instance<FigureSource> sources) {
            this(texts, new HashMap<>(), new HashMap<>());
            for (FigureSource s : sources) {
                prefixes.putAll(s.texts());
                named.putAll(s.labels(texts.lang));
            }
        }

        String of(String metric, String dim) {
            if (dim.isEmpty()) {
                return texts.get("cockpit.m." + metric);
            }
            String prefix = prefixes.get(metric);
            if (prefix != null) {
                return texts.get(prefix + dim);
            }
            return named.getOrDefault(metric + ":" + dim, dim);
        }
    }
}
