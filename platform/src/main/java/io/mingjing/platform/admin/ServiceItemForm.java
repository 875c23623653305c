package io.mingjing.platform.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mingjing.platform.portal.Texts;
import io.mingjing.platform.service.ServiceCatalogue;
import io.mingjing.platform.service.ServiceItemSpec;
import io.mingjing.platform.service.ServiceItemSpec.Material;
import io.mingjing.platform.service.ServiceItemSpec.Publish;
import io.mingjing.platform.service.ServiceItemSpec.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service item as the admin page's form shows it and reads it back: plain fields, one row of inputs
 * per material (and a few blank rows to add one), the review stages and the form's JSON Schema as JSON
 * text. Reading only turns what a browser sent into an item; whether the item can be offered is the
 * catalogue's decision ({@code ServiceItemSpec.problems}), and this form only words the verdict per field.
 */
public final class ServiceItemForm {

    static final int BLANK_ROWS = 3;
    static final int MAX_ROWS = 40;
    static final List<String> PUBLISH = List.of(Publish.NONE.name(), Publish.PUBLIC.name(), Publish.RESIDENTS.name());
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build().findAndRegisterModules();

    /** One material's inputs; {@code error} in the page's words. */
    public record Row(String id, String name, boolean original, boolean required, String error) {
    }

    /** The form as shown: the values (as typed after a refusal), the errors per field and their details. */
    public record Form(String code, boolean known, Map<String, String> values, boolean enabled, List<Row> materials,
            Map<String, String> errors, Map<String, List<String>> details) {

        /** The one-line text inputs, the longer texts and the numbers, in the page's order. */
        public List<String> lines() {
            return List.of("name", "nameEn", "department", "fees", "powerItem");
        }

        public List<String> areas() {
            return List.of("legalBasis", "eligibility");
        }

        public List<String> numbers() {
            return List.of("promisedDays", "acceptHours", "position");
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public List<String> details(String field) {
            return details.getOrDefault(field, List.of());
        }
    }

    /** What a browser sent, read: the item, its switch and place, and what could not even be read (API keys). */
    public record Read(ServiceItemSpec item, boolean enabled, Integer position, Map<String, String> problems) {
    }

    private ServiceItemForm() {
    }

    /** The stored item, or a blank form for a new one with this code. */
    static Form of(String code, ServiceCatalogue.Entry e) {
        Map<String, String> v = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        if (e != null) {
            ServiceItemSpec i = e.item();
            put(v, "name", i.name());
            put(v, "nameEn", i.nameEn());
            put(v, "department", i.department());
            put(v, "legalBasis", i.legalBasis());
            put(v, "eligibility", i.eligibility());
            put(v, "fees", i.fees());
            put(v, "promisedDays", i.promisedDays());
            put(v, "acceptHours", i.acceptHours());
            put(v, "powerItem", i.powerItem());
            put(v, "publish", i.published().name());
            put(v, "template", i.template());
            put(v, "form", json(i.form()));
            put(v, "review", json(i.review()));
            put(v, "position", e.position());
            i.materialList().forEach(m -> rows.add(new Row(m.id(), m.name(), Boolean.TRUE.equals(m.original()),
                    m.needed(), null)));
        } else {
            v.put("acceptHours", "24");
            v.put("publish", Publish.NONE.name());
            v.put("form", "{\n  \"type\": \"object\",\n  \"properties\": {}\n}");
        }
        return new Form(code, e != null, v, e == null || e.enabled(), withBlanks(rows), Map.of(), Map.of());
    }

    /**
     * The item a browser sent. Booleans and the publication keep the stored item's way of saying them
     * (absent or explicit) where they mean the same, so saving an unchanged form makes no new version.
     */
    static Read read(String code, Map<String, String> posted, ServiceItemSpec before) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Material> materials = materials(posted, before);
        Map<String, Object> schema = parse(posted.get("form"), new TypeReference<LinkedHashMap<String, Object>>() {
        }, "form", problems);
        List<Stage> review = parse(posted.get("review"), new TypeReference<List<Stage>>() {
        }, "review", problems);
        Integer promisedDays = number(posted, "promisedDays", problems);
        Integer acceptHours = number(posted, "acceptHours", problems);
        Integer position = number(posted, "position", problems);
        Publish publish = publish(posted.get("publish"), before, problems);
        ServiceItemSpec item = new ServiceItemSpec(code, text(posted, "name"), text(posted, "nameEn"),
                text(posted, "department"), text(posted, "legalBasis"), text(posted, "eligibility"), materials,
                schema, acceptHours, review, text(posted, "fees"), promisedDays, text(posted, "powerItem"), publish,
                text(posted, "template"));
        return new Read(item, posted.get("enabled") != null, position, problems);
    }

    /** The form again as typed, with the catalogue's (or the reading's) errors in the page's words. */
    static Form refused(String code, boolean known, Map<String, String> posted, ServiceItemSpec typed,
            Map<String, String> apiErrors, Texts texts) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : List.of("name", "nameEn", "department", "legalBasis", "eligibility", "fees", "promisedDays",
                "acceptHours", "powerItem", "publish", "template", "form", "review", "position")) {
            v.put(f, posted.getOrDefault(f, ""));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> details = new LinkedHashMap<>();
        Map<Integer, String> rowErrors = new LinkedHashMap<>();
        apiErrors.forEach((key, message) -> {
            String field = field(key);
            if (field.startsWith("materials[")) {
                rowErrors.put(Integer.valueOf(field.substring(10, field.length() - 1)),
                        texts.get("admin.service.err.material"));
                return;
            }
            errors.putIfAbsent(field, texts.get("admin.service.err." + field));
            if (field.equals("form") || field.equals("review")) {
                details.computeIfAbsent(field, k -> new ArrayList<>()).add(key + ": " + message);
            }
        });
        List<Row> rows = new ArrayList<>();
        List<Material> typedRows = typed.materialList();
        for (int i = 0; i < typedRows.size(); i++) {
            Material m = typedRows.get(i);
            rows.add(new Row(m.id(), m.name(), Boolean.TRUE.equals(m.original()), m.needed(), rowErrors.get(i)));
        }
        return new Form(code, known, v, posted.get("enabled") != null, withBlanks(rows), errors, details);
    }

    /** The form's field an API error key belongs to: {@code review[1].steps[0].role} → review. */
    static String field(String key) {
        if (key.equals("item.code")) {
            return "code";
        }
        if (key.startsWith("materials[")) {
            int end = key.indexOf(']');
            return end > 0 ? key.substring(0, end + 1) : "materials";
        }
        int cut = 0;
        while (cut < key.length() && Character.isLetterOrDigit(key.charAt(cut))) {
            cut++;
        }
        return key.substring(0, cut);
    }

    private static List<Material> materials(Map<String, String> posted, ServiceItemSpec before) {
        List<Material> out = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String id = text(posted, "m" + i + "-id");
            String name = text(posted, "m" + i + "-name");
            if (id == null && name == null) {
                continue;
            }
            Material old = before == null || id == null ? null : before.material(id);
            boolean original = posted.get("m" + i + "-original") != null;
            boolean required = posted.get("m" + i + "-required") != null;
            out.add(new Material(id, name, same(old == null ? null : old.required(), required, true),
                    same(old == null ? null : old.original(), original, false)));
        }
        return out;
    }

    /** The stored way of saying {@code now} when it means the same, else the plain value (null for the default). */
    private static Boolean same(Boolean old, boolean now, boolean byDefault) {
        boolean meant = old == null ? byDefault : old;
        if (meant == now) {
            return old;
        }
        return now == byDefault ? null : now;
    }

    private static Publish publish(String raw, ServiceItemSpec before, Map<String, String> problems) {
        if (raw == null || !PUBLISH.contains(raw)) {
            problems.put("publish", "must be NONE, PUBLIC or RESIDENTS");
            return null;
        }
        Publish p = Publish.valueOf(raw);
        return before != null && before.publish() == null && p == Publish.NONE ? null : p;
    }

    private static <T> T parse(String raw, TypeReference<T> type, String field, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(raw, type);
        } catch (JsonProcessingException e) {
            problems.put(field, "is not JSON of the expected shape: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
            return null;
        }
    }

    private static Integer number(Map<String, String> posted, String field, Map<String, String> problems) {
        String raw = text(posted, field);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number");
            return null;
        }
    }

    private static String text(Map<String, String> posted, String field) {
        String raw = posted.get(field);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static void put(Map<String, String> v, String field, Object value) {
        v.put(field, value == null ? "" : String.valueOf(value));
    }

    private static String json(Object value) {
        try {
            return value == null ? "" : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> withBlanks(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS && out.size() < MAX_ROWS; i++) {
            out.add(new Row("", "", false, true, null));
        }
        return out;
    }
}
