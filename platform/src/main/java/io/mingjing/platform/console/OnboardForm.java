package io.mingjing.platform.console;

import io.mingjing.platform.onboarding.OnboardingRequest;
import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The onboarding form as typed, and what is wrong with it per field. The rules are the operator API's
 * ({@link OnboardingRequest}'s constraints and onboarding's own checks); the words are the console's,
 * one text key per field, so a Chinese page shows no English message.
 */
public record OnboardForm(String id, String name, String regionCode, String primaryColor, String motto,
        String platformName, String adminUsername, String adminEmail, List<String> modules, Map<String, String> errors) {

    public static final List<String> FIELDS = List.of("id", "name", "regionCode", "primaryColor", "motto",
            "platformName", "adminUsername", "adminEmail", "modules");

    static OnboardForm empty() {
        return new OnboardForm("", "", "", "#b03a2e", "", "", "admin", "", List.of(), Map.of());
    }

    OnboardingRequest request() {
        return new OnboardingRequest(blankToNull(id), blankToNull(name), blankToNull(regionCode),
                new OnboardingRequest.Branding(blankToNull(primaryColor), blankToNull(motto), blankToNull(platformName),
                        null),
                new OnboardingRequest.Admin(blankToNull(adminUsername), blankToNull(adminEmail), null),
                modules == null ? List.of() : modules, false, null);
    }

    OnboardForm withErrors(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.putAll(more);
        return new OnboardForm(id, name, regionCode, primaryColor, motto, platformName, adminUsername, adminEmail,
                modules, all);
    }

    /** The text fields, in the order the form shows them. */
    public List<String> fields() {
        return FIELDS.subList(0, FIELDS.size() - 1);
    }

    public String value(String field) {
        String v = switch (field) {
            case "id" -> id;
            case "name" -> name;
            case "regionCode" -> regionCode;
            case "primaryColor" -> primaryColor;
            case "motto" -> motto;
            case "platformName" -> platformName;
            case "adminUsername" -> adminUsername;
            case "adminEmail" -> adminEmail;
            default -> null;
        };
        return v == null ? "" : v;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean picked(String module) {
        return modules != null && modules.contains(module);
    }

    /** The form field a constraint of the request (or a field of onboarding's own 422) belongs to. */
    static String field(String path) {
        String p = path.replaceAll("\\[\\d+]", "");
        return switch (p) {
            case "branding.primaryColor" -> "primaryColor";
            case "branding.motto" -> "motto";
            case "branding.platformName" -> "platformName";
            case "admin.username" -> "adminUsername";
            case "admin.email" -> "adminEmail";
            default -> p.contains(".") ? p.substring(p.lastIndexOf('.') + 1) : p;
        };
    }

    /** Per field, the key of the words that say what the field must be. */
    static Map<String, String> errorKeys(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : violations) {
            String f = field(v.getPropertyPath().toString());
            errors.putIfAbsent(FIELDS.contains(f) ? f : "id", "console.onboard.err." + (FIELDS.contains(f) ? f : "id"));
        }
        return errors;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
