package io.mingjing.platform.cockpit;

import io.mingjing.platform.cockpit.ProvinceView.County;
import io.mingjing.platform.figure.Figures;
import io.mingjing.platform.figure.ProvinceFigures;
import io.mingjing.platform.figure.ProvinceFigures.Sum;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.TenantRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The province view for the operator: every county's figures from the monthly sums the counties
 * pushed up ({@code platform.province_figure}); no county schema is read.
 */
@Path("/api/platform/cockpit")
@RolesAllowed(Role.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ProvinceCockpit {

    @Inject
    ProvinceFigures figures;
    @Inject
    TenantRegistry registry;

    /** @param from first month ({@code 2026-01}; default January of this year), to last month (default this month) */
    @GET
    @Transactional
    @Operation(summary = "Every county's figures over whole months, side by side and ranked, from the sums the counties pushed up")
    public ProvinceView counties(@QueryParam("from") String from, @QueryParam("to") String to) {
        YearMonth now = YearMonth.now(Figures.BEIJING);
        YearMonth end = month(to, "to", now);
        YearMonth start = month(from, "from", end.withMonth(1));
        if (start.isAfter(end) || start.plusYears(3).isBefore(end)) {
            throw ProblemException.invalid(400, "The months must run forward, at most three years.", Map.of("from",
                    "is after to or more than three years before it"));
        }
        Map<String, List<Sum>> byCounty = figures.sums(start.atDay(1), end.atDay(1)).stream()
                .collect(Collectors.groupingBy(Sum::county));
        List<County> rows = new ArrayList<>();
        for (var e : byCounty.entrySet()) {
            var d = registry.describe(e.getKey());
            rows.add(county(e.getKey(), d == null ? e.getKey() : d.name(), e.getValue()));
        }
        rows.sort(Comparator.comparingDouble((County c) -> c.appeals() == 0 ? 0 : (double) c.red() / c.appeals())
                .thenComparing(c -> c.satisfaction() == null ? 0 : -c.satisfaction()).thenComparing(County::id));
        List<County> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            County c = rows.get(i);
            ranked.add(new County(i + 1, c.id(), c.name(), c.appeals(), c.red(), c.satisfaction(), c.handlingHours(),
                    c.approvals(), c.approvedAmount(), c.benefits(), c.covered(), c.villages()));
        }
        return new ProvinceView(start, end, ranked);
    }

    private static County county(String id, String name, List<Sum> sums) {
        long satisfied = n(sums, "appeals.rated", "satisfied");
        long rated = satisfied + n(sums, "appeals.rated", "unsatisfied");
        long closed = n(sums, "appeals.closed", null);
        BigDecimal hours = closed == 0 ? null : total(sums, "appeals.closed").divide(BigDecimal.valueOf(closed), 1,
                RoundingMode.HALF_UP);
        Sum coverage = sums.stream().filter(s -> s.metric().equals(ProvinceFigures.COVERAGE)).findFirst().orElse(null);
        return new County(0, id, name, n(sums, "appeals.kind", null), n(sums, "appeals.sla", "RED"),
                rated == 0 ? null : (int) Math.round(100.0 * satisfied / rated), hours, n(sums, "approvals.kind", null),
                total(sums, "approvals.kind"), total(sums, "payments.programme"),
                coverage == null ? 0 : coverage.n(), coverage == null ? 0 : coverage.total().longValue());
    }

    private static long n(List<Sum> sums, String metric, String dim) {
        return sums.stream().filter(s -> s.metric().equals(metric) && (dim == null || s.dim().equals(dim)))
                .mapToLong(Sum::n).sum();
    }

    private static BigDecimal total(List<Sum> sums, String metric) {
        return sums.stream().filter(s -> s.metric().equals(metric)).map(Sum::total).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static YearMonth month(String text, String field, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(400, "A month is written like 2026-03.", Map.of(field, "is not a month"));
        }
    }
}
