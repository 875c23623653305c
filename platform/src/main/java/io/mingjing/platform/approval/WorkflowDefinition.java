package io.mingjing.platform.approval;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.workflow.SignOff;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 审批流程: a county's versioned definition of one kind of approval. Stages run in order; a stage may
 * first need a form from the filer (a labour declaration, the quotes, the contract), then its steps
 * run in order. Each step names the role that acts, how its approvers sign (或签/会签/票签), when it
 * applies and what must be attached before it approves, and its time limit.
 */
public record WorkflowDefinition(ApprovalKind kind, String name, List<String> filers, List<Stage> stages) {

    /** Roles that approve: village staff at the approval's village, town officials at its town, departments county-wide. */
    public static final Set<String> APPROVER_ROLES = Set.of(Role.CADRE, Role.SUPERVISOR, Role.BOOKKEEPER,
            Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF);
    static final Set<String> FILER_ROLES = Set.of(Role.CADRE, Role.BOOKKEEPER);
    static final Set<String> ATTACHMENTS = Set.of("invoice", "resolution", "quote", "contract", "acceptance",
            "document", "photo", "other");
    static final int MAX_HOURS = 720;

    /** @param form the form the filer gives when the stage begins, or null (the filing itself for the first) */
    public record Stage(String id, String name, String form, List<Step> steps) {
    }

    /**
     * @param share the share of approvers a 票签 needs, in (0, 1]; only with SHARE
     * @param when the step applies only if this holds; null for always
     * @param needs attachments required before the step can approve
     */
    public record Step(String id, String name, String role, SignOff mode, Double share, Integer hours,
            Condition when, List<Need> needs) {

        public boolean applies(BigDecimal amount) {
            return when == null || when.holds(amount);
        }
    }

    /** The step applies above an amount (e.g. the town approves above 50 000 yuan). */
    public record Condition(BigDecimal amountAbove) {
        boolean holds(BigDecimal amount) {
            return amountAbove == null || amount != null && amount.compareTo(amountAbove) > 0;
        }
    }

    /** An attachment the step needs (e.g. a 村民代表会议 resolution above 100 000 yuan). */
    public record Need(String attachment, BigDecimal amountAbove) {
        boolean applies(BigDecimal amount) {
            return amountAbove == null || amount != null && amount.compareTo(amountAbove) > 0;
        }
    }

    /** The forms a kind's later stages may ask for. */
    static Set<String> formsOf(ApprovalKind kind) {
        return switch (kind) {
            case LABOUR -> Set.of("declaration");
            case PROCUREMENT -> Set.of("quotes", "award", "contract", "acceptance");
            case PROJECT -> Set.of("tender", "contract", "progress", "acceptance", "settlement");
            case PAYMENT, SEAL -> Set.of();
        };
    }

    public Stage stage(int i) {
        return stages.get(i);
    }

    /**
     * Every reason this definition cannot run, by field path ({@code stages[0].steps[1].role}); empty
     * when it is valid.
     */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "is required: one of PAYMENT, LABOUR, PROCUREMENT, PROJECT, SEAL");
            return errors;
        }
        if (name == null || name.isBlank() || name.length() > 60) {
            errors.put("name", "is required, at most 60 characters");
        }
        if (filers == null || filers.isEmpty()
                || !filers.stream().allMatch(f -> f != null && FILER_ROLES.contains(f))) {
            errors.put("filers", "must name who files, among " + FILER_ROLES);
        }
        if (stages == null || stages.isEmpty() || stages.size() > 20) {
            errors.put("stages", "needs 1 to 20 stages");
            return errors;
        }
        Set<String> ids = new HashSet<>();
        int steps = 0;
        for (int i = 0; i < stages.size(); i++) {
            steps += checkStage(stages.get(i), "stages[" + i + "]", i, ids, errors);
        }
        if (steps == 0 && !errors.containsKey("stages")) {
            errors.put("stages", "need at least one step: an approval nobody approves is no approval");
        }
        return errors;
    }

    private int checkStage(Stage s, String path, int index, Set<String> ids, Map<String, String> errors) {
        if (s == null) {
            errors.put(path, "is empty");
            return 0;
        }
        if (s.id() == null || !s.id().matches("[a-z][a-z0-9-]{0,30}") || !ids.add("stage:" + s.id())) {
            errors.put(path + ".id", "must be a unique lowercase id");
        }
        if (s.name() == null || s.name().isBlank()) {
            errors.put(path + ".name", "is required");
        }
        if (index == 0 && s.form() != null) {
            errors.put(path + ".form", "the first stage's form is the filing itself: leave it out");
        } else if (s.form() != null && !formsOf(kind).contains(s.form())) {
            errors.put(path + ".form", "must be one of " + formsOf(kind) + " for " + kind);
        }
        List<Step> steps = s.steps() == null ? List.of() : s.steps();
        if (steps.isEmpty() && s.form() == null) {
            errors.put(path + ".steps", "a stage needs a form or at least one step");
        }
        for (int j = 0; j < steps.size(); j++) {
            checkStep(steps.get(j), path + ".steps[" + j + "]", ids, errors);
        }
        return steps.size();
    }

    private static void checkStep(Step t, String path, Set<String> ids, Map<String, String> errors) {
        if (t == null) {
            errors.put(path, "is empty");
            return;
        }
        if (t.id() == null || !t.id().matches("[a-z][a-z0-9-]{0,30}") || !ids.add(t.id())) {
            errors.put(path + ".id", "must be a unique lowercase id");
        }
        if (t.name() == null || t.name().isBlank() || t.name().length() > 60) {
            errors.put(path + ".name", "is required, at most 60 characters");
        }
        if (t.role() == null || !APPROVER_ROLES.contains(t.role())) {
            errors.put(path + ".role", "nobody can take this step: '" + t.role() + "' approves nothing; use one of "
                    + APPROVER_ROLES.stream().sorted().toList());
        }
        if (t.mode() == null) {
            errors.put(path + ".mode", "is required: ANY (或签), ALL (会签) or SHARE (票签)");
        } else if (t.mode() == SignOff.SHARE && (t.share() == null || !(t.share() > 0 && t.share() <= 1))) {
            errors.put(path + ".share", "a 票签 step needs a share above 0 and at most 1");
        } else if (t.mode() != SignOff.SHARE && t.share() != null) {
            errors.put(path + ".share", "only a SHARE step has a share");
        }
        if (t.hours() == null || t.hours() < 1 || t.hours() > MAX_HOURS) {
            errors.put(path + ".hours", "is the step's time limit: 1 to " + MAX_HOURS + " hours");
        }
        if (t.when() != null && (t.when().amountAbove() == null || t.when().amountAbove().signum() < 0)) {
            errors.put(path + ".when.amountAbove", "must be an amount of 0 or more");
        }
        List<Need> needs = t.needs() == null ? List.of() : t.needs();
        for (int k = 0; k < needs.size(); k++) {
            Need n = needs.get(k);
            if (n == null || n.attachment() == null || !ATTACHMENTS.contains(n.attachment())) {
                errors.put(path + ".needs[" + k + "].attachment", "must be one of " + ATTACHMENTS.stream().sorted().toList());
            } else if (n.amountAbove() != null && n.amountAbove().signum() < 0) {
                errors.put(path + ".needs[" + k + "].amountAbove", "must be an amount of 0 or more");
            }
        }
    }
}
