package io.mingjing.plugins.market;

import io.mingjing.sdk.Settings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A listing as a resident submits it, checked field by field; from JSON or from the portal form. */
record ListingInput(String kind, String category, String product, BigDecimal quantity, String unit, BigDecimal price,
        String village, String description, String contactName, String contactPhone) {

    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,20}$");

    static ListingInput from(Map<String, ?> f) {
        return new ListingInput(text(f, "kind"), text(f, "category"), text(f, "product"), number(f, "quantity"),
                text(f, "unit"), number(f, "price"), text(f, "village"), text(f, "description"),
                text(f, "contactName"), text(f, "contactPhone"));
    }

    /** @return field → what is wrong; empty when the listing may be posted */
    Map<String, String> errors(Settings settings, Map<String, ?> raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"SUPPLY".equals(kind) && !"DEMAND".equals(kind)) {
            errors.put("kind", "must be SUPPLY (供应) or DEMAND (求购)");
        }
        if (category == null || !settings.list("categories").contains(category)) {
            errors.put("category", "must be one of " + settings.list("categories"));
        }
        required(errors, "product", product, 100);
        required(errors, "unit", unit, 10);
        required(errors, "village", village, 50);
        required(errors, "contactName", contactName, 50);
        if (description != null && description.length() > 1000) {
            errors.put("description", "must be at most 1000 characters");
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            errors.put("quantity", raw.get("quantity") == null ? "is required" : "must be a positive number");
        }
        if (price == null && raw.get("price") != null && !raw.get("price").toString().isBlank()) {
            errors.put("price", "must be a number, or left empty for 面议");
        } else if (price != null && (price.signum() < 0 || price.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0)) {
            errors.put("price", "must not be negative");
        }
        if (contactPhone == null || !PHONE.matcher(contactPhone).matches()) {
            errors.put("contactPhone", "must be a phone number");
        }
        return errors;
    }

    private static void required(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
        } else if (value.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }

    private static String text(Map<String, ?> f, String key) {
        Object v = f.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    private static BigDecimal number(Map<String, ?> f, String key) {
        Object v = f.get(key);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
