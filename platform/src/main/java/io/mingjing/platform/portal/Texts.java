package io.mingjing.platform.portal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The portal's words in Chinese (default) and English, from {@code portal/texts_<lang>.properties}. */
public final class Texts {

    public static final Texts ZH = load("zh");
    public static final Texts EN = load("en");

    public final String lang;
    private final Map<Object, Object> words;

    private Texts(String lang, Map<Object, Object> words) {
        this.lang = lang;
        this.words = words;
    }

    public static Texts of(String lang) {
        return "en".equals(lang) ? EN : ZH;
    }

    public String get(String key) {
        Object w = words.get(key);
        return w == null ? key : w.toString();
    }

    public boolean has(String key) {
        return words.containsKey(key);
    }

    private static final Pattern ROW = Pattern.compile("^(\\w+)\\[(\\d{1,4})\\](?:\\.(\\w+))?$");

    /**
     * The name of a form field a problem names, in this language; "a field" when it has none. A row of
     * a list ({@code lines[3].amount}) is named by its list, its row counted from one, and its part.
     */
    public String field(String name) {
        Matcher row = name == null ? null : ROW.matcher(name);
        if (row != null && row.matches()) {
            String part = row.group(3) == null ? "" : " " + field(row.group(3));
            return field(row.group(1)) + " " + get("field.row").formatted(Integer.parseInt(row.group(2)) + 1) + part;
        }
        return has("field." + name) ? get("field." + name) : get("field.other");
    }

    private static Texts load(String lang) {
        Properties p = new Properties();
        try (var in = Texts.class.getResourceAsStream("/portal/texts_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("portal texts for " + lang + " missing", e);
        }
        return new Texts(lang, Map.copyOf(p));
    }
}
