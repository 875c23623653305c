package io.mingjing.platform.appeal;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a county admin sets for appeals: the categories a villager picks from (and who handles each),
 * and the hours each step may take before the case turns red and moves up. New limits apply to the
 * clocks started from then on.
 */
@ApplicationScoped
public class AppealSettings {

    /** The fewest and most hours a step may be given: an hour, ninety days. */
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 2160;
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    public record Category(String code, String nameZh, String nameEn, String route, String department,
            boolean urgent) {
    }

    @Inject
    AuditLog audit;

    @Transactional
    public List<AppealCategory> categories() {
        return AppealCategory.listAll(Sort.by("code"));
    }

    /** Limits by {@code KIND/STATE}, in the order kinds and steps come. */
    @Transactional
    public Map<String, Integer> limits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (AppealKind kind : AppealKind.values()) {
            for (AppealState state : timed()) {
                limits.put(kind + "/" + state, (int) SlaClock.DEFAULT_LIMIT.toHours());
            }
        }
        AppealTimeLimit.<AppealTimeLimit>listAll().forEach(l -> limits.replace(l.key.kind() + "/" + l.key.state(),
                l.hours));
        return limits;
    }

    public static List<AppealState> timed() {
        return List.of(AppealState.SUBMITTED, AppealState.ACCEPTED, AppealState.ASSIGNED, AppealState.RECTIFYING);
    }

    /** Adds a category or changes one; a category is never deleted, cases keep pointing at it. */
    @Transactional
    public AppealCategory save(Category c, String actor) {
        Map<String, String> errors = problems(c);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The category is not valid.", errors);
        }
        AppealCategory row = AppealCategory.findById(c.code());
        boolean created = row == null;
        if (created) {
            row = new AppealCategory();
            row.code = c.code();
        }
        row.nameZh = c.nameZh().strip();
        row.nameEn = c.nameEn().strip();
        row.route = HandlingLevel.valueOf(c.route());
        row.department = c.department() == null || c.department().isBlank() ? null : c.department().strip();
        row.urgent = c.urgent();
        if (created) {
            row.persist();
        }
        audit.append(actor, created ? "appeal-category.created" : "appeal-category.changed", "AppealCategory", c.code(),
                c.toString().getBytes(StandardCharsets.UTF_8));
        return row;
    }

    /** What is wrong with a category, per field; empty when nothing. */
    public static Map<String, String> problems(Category c) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
            errors.put("code", "must be 2-40 lowercase letters, digits or '-', starting with a letter");
        }
        name(errors, "nameZh", c.nameZh(), 50);
        name(errors, "nameEn", c.nameEn(), 80);
        if (c.route() == null || List.of(HandlingLevel.values()).stream().noneMatch(l -> l.name().equals(c.route()))) {
            errors.put("route", "must be one of VILLAGE, TOWN, DEPARTMENT, INSPECTORS");
        } else if (c.route().equals("DEPARTMENT") && (c.department() == null || c.department().isBlank())) {
            errors.put("department", "is required when a department handles the category");
        }
        if (c.department() != null && c.department().length() > 50) {
            errors.put("department", "must be at most 50 characters");
        }
        return errors;
    }

    private static void name(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.put(field, "must be 1-" + max + " characters");
        } else if (Text.nameProblem(value) != null) {
            errors.put(field, Text.nameProblem(value));
        }
    }

    /**
     * Sets every given limit, or none: each {@code KIND/STATE} must be a timed step of a kind, and its
     * hours within {@link #MIN_HOURS}..{@link #MAX_HOURS}.
     */
    @Transactional
    public void setLimits(Map<String, Integer> hours, String actor) {
        Map<String, Integer> known = limits();
        Map<String, String> errors = new LinkedHashMap<>();
        hours.forEach((key, h) -> {
            if (!known.containsKey(key)) {
                errors.put(key, "is not a timed step of an appeal kind");
            } else if (h == null || h < MIN_HOURS || h > MAX_HOURS) {
                errors.put(key, "must be between " + MIN_HOURS + " and " + MAX_HOURS + " hours");
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The time limits were not changed.", errors);
        }
        hours.forEach((key, h) -> {
            String[] ks = key.split("/");
            var id = new AppealTimeLimit.Key(ks[0], ks[1]);
            AppealTimeLimit row = AppealTimeLimit.findById(id);
            if (row == null) {
                row = new AppealTimeLimit();
                row.key = id;
                row.hours = h;
                row.persist();
            } else {
                row.hours = h;
            }
        });
        audit.append(actor, "appeal-time-limits.changed", "AppealTimeLimit", "county",
                hours.toString().getBytes(StandardCharsets.UTF_8));
    }
}
