package io.mingjing.plugins.shelters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A shelter as an admin describes it (JSON or a CSV row), checked field by field. */
record ShelterInput(String name, String address, String village, Double lat, Double lon, Integer capacity,
        List<String> facilities, Boolean open, String phone) {

    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,20}$");
    private static final Pattern SEPARATORS = Pattern.compile("[、;；,，|]");

    @SuppressWarnings("unchecked")
    static ShelterInput from(Map<String, ?> f) {
        Object facilities = f.get("facilities");
        List<String> list = facilities instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : facilities == null || facilities.toString().isBlank() ? List.of()
                        : SEPARATORS.splitAsStream(facilities.toString()).map(String::strip).filter(s -> !s.isEmpty())
                                .toList();
        return new ShelterInput(text(f, "name"), text(f, "address"), text(f, "village"), decimal(f, "lat"),
                decimal(f, "lon"), whole(f, "capacity"), list, flag(f, "open"), text(f, "phone"));
    }

    Map<String, String> errors(List<String> knownFacilities) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null) {
            errors.put("name", "is required");
        } else if (name.length() > 100) {
            errors.put("name", "must be at most 100 characters");
        }
        if (address != null && address.length() > 200) {
            errors.put("address", "must be at most 200 characters");
        }
        if (village != null && village.length() > 50) {
            errors.put("village", "must be at most 50 characters");
        }
        if (lat == null || lat < -90 || lat > 90) {
            errors.put("lat", "must be a latitude between -90 and 90");
        }
        if (lon == null || lon < -180 || lon > 180) {
            errors.put("lon", "must be a longitude between -180 and 180");
        }
        if (capacity == null || capacity < 0 || capacity > 1_000_000) {
            errors.put("capacity", "must be a whole number of people, 0 or more");
        }
        List<String> unknown = facilities.stream().filter(f -> !knownFacilities.contains(f)).toList();
        if (!unknown.isEmpty()) {
            errors.put("facilities", "unknown " + unknown + "; known: " + knownFacilities);
        }
        if (open == null) {
            errors.put("open", "must be true or false (开放/关闭)");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.put("phone", "must be a phone number");
        }
        return errors;
    }

    private static String text(Map<String, ?> f, String key) {
        Object v = f.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    private static Double decimal(Map<String, ?> f, String key) {
        try {
            String v = text(f, key);
            return v == null ? null : Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(Map<String, ?> f, String key) {
        try {
            String v = text(f, key);
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean flag(Map<String, ?> f, String key) {
        String v = text(f, key);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase()) {
            case "true", "1", "yes", "开放", "是" -> true;
            case "false", "0", "no", "关闭", "否" -> false;
            default -> null;
        };
    }
}
