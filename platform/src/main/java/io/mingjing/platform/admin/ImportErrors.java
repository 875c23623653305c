package io.mingjing.platform.admin;

import io.mingjing.platform.portal.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems an import found, as the rows of a table: the row of the file, the column, what is wrong.
 * The importers word their problems in English for the API; a Chinese page gets the same problem in
 * Chinese through {@code import.err.*} texts, with the numbers and codes of the original kept.
 */
public final class ImportErrors {

    /** One problem: row number as users count lines (null for the whole file), column (or null), words. */
    public record Problem(Integer row, String column, String message) {
    }

    private static final Pattern KEY = Pattern.compile("^row (\\d+)(?:\\.(\\w+))?$");
    /** Each importer's wording, in the order tried, and the text key of the same words. */
    private static final Map<Pattern, String> WORDINGS = new LinkedHashMap<>();

    static {
        word("has (\\d+) fields; expected (\\d+)", "fields");
        word("must be 12 digits starting with the county code (\\d+)", "code");
        word("repeats row (\\d+) \\(same resident, programme and date\\)", "repeatsPayment");
        word("repeats row (\\d+)", "repeats");
        word("must be 1-(\\d+) characters", "length");
        word("must be TOWN, VILLAGE or GRID", "level");
        word("must be empty for a TOWN", "townParent");
        word("must be the code of a (\\w+) on an earlier row or already imported", "parent");
        word("must be 18 characters: 17 digits and a digit or X", "idFormat");
        word("has a wrong check digit", "idCheck");
        word("must be an 11-digit mobile number", "phone");
        word("belongs to another resident", "phoneTaken");
        word("must be the code of a village of this county", "village");
        word("must be a positive amount in yuan with at most 2 decimals", "amount");
        word("must be a date like 2024-03-15", "date");
        word("is not a resident of this county", "notResident");
        word("does not match the resident with this ID number", "nameMismatch");
        word("was already imported.*", "already");
        word("must not contain any of .*", "nameChars");
        word("expected header (.*)", "header");
        word("is empty", "empty");
        word("not CSV", "notCsv");
        word("not an \\.xlsx workbook", "notXlsx");
        word("has no rows", "noRows");
        word("has bytes that are not text", "encoding");
    }

    private static void word(String regex, String key) {
        WORDINGS.put(Pattern.compile("^" + regex + "$"), key);
    }

    private ImportErrors() {
    }

    public static List<Problem> of(Map<String, String> errors, Texts texts) {
        List<Problem> out = new ArrayList<>();
        errors.forEach((key, message) -> {
            Matcher k = KEY.matcher(key);
            out.add(k.matches() ? new Problem(Integer.valueOf(k.group(1)), k.group(2), words(message, texts))
                    : new Problem(null, null, words(message, texts)));
        });
        return out;
    }

    /** The message in the page's language; English pages keep the importer's own words. */
    static String words(String message, Texts texts) {
        if ("en".equals(texts.lang)) {
            return message;
        }
        for (var w : WORDINGS.entrySet()) {
            Matcher m = w.getKey().matcher(message);
            if (m.matches()) {
                String out = texts.get("import.err." + w.getValue());
                for (int i = 1; i <= m.groupCount(); i++) {
                    String level = texts.get("admin.level." + m.group(i)); // TOWN, VILLAGE in the page's words
                    out = out.replace("{" + i + "}", level.startsWith("admin.level.") ? m.group(i) : level);
                }
                return out;
            }
        }
        return texts.get("import.err.other");
    }
}
