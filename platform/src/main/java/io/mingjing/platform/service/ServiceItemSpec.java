package io.mingjing.platform.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.workflow.SignOff;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 便民服务事项: one item of a county's catalogue as its descriptor or admin writes it — the department,
 * legal basis, who is eligible, the materials (the one-time notice lists them), the form as a JSON
 * Schema, the village's time to take it on, the review stages (each 或签/会签/票签 over its steps,
 * with its time limit), the fees, the power-list item whose flowchart it follows, and whether and how
 * completed applications are published on the village page.
 *
 * @param acceptHours the village's time limit to take an online application on (受理)
 * @param template how a completed application reads on the village page: {applicant} (masked), {item},
 *        {result}, {date}
 */
public record ServiceItemSpec(String code, String name, String nameEn, String department, String legalBasis,
        String eligibility, List<Material> materials, Map<String, Object> form, Integer acceptHours,
        List<Stage> review, String fees, Integer promisedDays, String powerItem, Publish publish, String template) {

    static final ObjectMapper JSON = JsonMapper.builder().build().findAndRegisterModules();
    static final Set<String> REVIEWER_ROLES = Set.of(Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF);
    static final int MAX_HOURS = 720;
    /** What a code of an item, a material, a stage or a step looks like. */
    public static final String ID = "[a-z][a-z0-9-]{0,39}";

    /** Where completed applications appear: nowhere, on the village page, or in its residents' column. */
    public enum Publish {
        NONE, PUBLIC, RESIDENTS
    }

    /** @param original the agent checks the original (核验原件) and photographs it */
    public record Material(String id, String name, Boolean required, Boolean original) {
        public boolean needed() {
            return !Boolean.FALSE.equals(required);
        }
    }

    /** One stage of the joint review: its steps open together and sign by {@code mode}. */
    public record Stage(String id, String name, SignOff mode, Double share, Integer hours, List<Step> steps) {
        public int required() {
            return mode.required(steps.size(), share == null ? 1 : share);
        }
    }

    /** @param department the department whose members take the step, when {@code role} is department-staff */
    public record Step(String id, String name, String role, String department) {
    }

    public Stage stage(int i) {
        return review.get(i);
    }

    public Material material(String id) {
        return materials == null ? null : materials.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    public List<Material> materialList() {
        return materials == null ? List.of() : materials;
    }

    public Publish published() {
        return publish == null ? Publish.NONE : publish;
    }

    String formJson() {
        try {
            return JSON.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every reason this item cannot be offered, by field path; empty when it can. */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (code == null || !code.matches(ID)) {
            errors.put("code", "is required: lowercase letters, digits and dashes, at most 40");
        }
        text(errors, "name", name, 60, true);
        text(errors, "nameEn", nameEn, 100, false);
        text(errors, "department", department, 60, true);
        text(errors, "legalBasis", legalBasis, 1000, true);
        text(errors, "eligibility", eligibility, 1000, true);
        text(errors, "fees", fees, 200, false);
        text(errors, "powerItem", powerItem, 100, false);
        text(errors, "template", template, 200, false);
        if (acceptHours == null || acceptHours < 1 || acceptHours > MAX_HOURS) {
            errors.put("acceptHours", "is the village's time to take it on: 1 to " + MAX_HOURS + " hours");
        }
        if (promisedDays != null && (promisedDays < 1 || promisedDays > 365)) {
            errors.put("promisedDays", "must be 1 to 365 working days");
        }
        if (published() != Publish.NONE && (template == null || !template.contains("{applicant}") && !template.contains("{item}"))) {
            errors.put("template", "a published item needs a template naming {applicant} or {item}");
        }
        checkMaterials(errors);
        checkForm(errors);
        checkReview(errors);
        return errors;
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank() ? required : value.length() > max) {
            errors.put(field, (required ? "is required, " : "") + "at most " + max + " characters");
        }
    }

    private void checkMaterials(Map<String, String> errors) {
        List<Material> list = materialList();
        if (list.size() > 30) {
            errors.put("materials", "at most 30 materials");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Material m = list.get(i);
            if (m == null || m.id() == null || !m.id().matches(ID) || !ids.add(m.id())) {
                errors.put("materials[" + i + "].id", "must be a unique lowercase id");
            } else if (m.name() == null || m.name().isBlank() || m.name().length() > 100) {
                errors.put("materials[" + i + "].name", "is required, at most 100 characters");
            }
        }
    }

    private void checkForm(Map<String, String> errors) {
        if (form == null || !"object".equals(form.get("type")) || !(form.get("properties") instanceof Map<?, ?>)) {
            errors.put("form", "must be a JSON Schema of type object with properties");
            return;
        }
        if (FormSchemas.external(form)) {
            errors.put("form", "refers only within itself: no $id, $schema or $ref outside '#'");
            return;
        }
        Map<String, String> meta = FormSchemas.schemaProblems(formJson());
        if (!meta.isEmpty()) {
            errors.putAll(meta);
            return;
        }
        try {
            FormSchemas.compile(formJson());
        } catch (IllegalArgumentException e) {
            errors.put("form", "is not a JSON Schema: " + e.getMessage());
        }
    }

    private void checkReview(Map<String, String> errors) {
        if (review == null || review.isEmpty() || review.size() > 10) {
            errors.put("review", "needs 1 to 10 stages: an application nobody reviews is no service");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < review.size(); i++) {
            checkStage(review.get(i), "review[" + i + "]", ids, errors);
        }
    }

    private static void checkStage(Stage s, String path, Set<String> ids, Map<String, String> errors) {
        if (s == null) {
            errors.put(path, "is empty");
            return;
        }
        if (s.id() == null || !s.id().matches(ID) || !ids.add(s.id())) {
            errors.put(path + ".id", "must be a unique lowercase id");
        }
        text(errors, path + ".name", s.name(), 60, true);
        if (s.mode() == null) {
            errors.put(path + ".mode", "is required: ANY (或签), ALL (会签) or SHARE (票签)");
        } else if (s.mode() == SignOff.SHARE && (s.share() == null || !(s.share() > 0 && s.share() <= 1))) {
            errors.put(path + ".share", "a 票签 stage needs a share above 0 and at most 1");
        }
        if (s.hours() == null || s.hours() < 1 || s.hours() > MAX_HOURS) {
            errors.put(path + ".hours", "is the stage's time limit: 1 to " + MAX_HOURS + " hours");
        }
        if (s.steps() == null || s.steps().isEmpty() || s.steps().size() > 10) {
            errors.put(path + ".steps", "needs 1 to 10 steps");
            return;
        }
        for (int j = 0; j < s.steps().size(); j++) {
            checkStep(s.steps().get(j), path + ".steps[" + j + "]", ids, errors);
        }
    }

    private static void checkStep(Step t, String path, Set<String> ids, Map<String, String> errors) {
        if (t == null) {
            errors.put(path, "is empty");
            return;
        }
        if (t.id() == null || !t.id().matches(ID) || !ids.add(t.id())) {
            errors.put(path + ".id", "must be a unique lowercase id");
        }
        text(errors, path + ".name", t.name(), 60, true);
        if (t.role() == null || !REVIEWER_ROLES.contains(t.role())) {
            errors.put(path + ".role", "must be one of " + REVIEWER_ROLES.stream().sorted().toList());
        } else if (t.role().equals(Role.DEPARTMENT_STAFF) == (t.department() == null || t.department().isBlank())) {
            errors.put(path + ".department", "names the department exactly when the role is department-staff");
        }
    }
}
