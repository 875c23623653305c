package io.mingjing.platform.villagelog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a keyword is found by. Chinese has no spaces between words, so a run of Chinese characters is
 * indexed as each character and each pair of neighbours (修路工程 → 修 路 工 程 修路 路工 工程); a word of
 * two characters is then one exact element, and a longer one the pairs it is made of (checked as a
 * phrase afterwards). Runs of other letters and digits (G60, 5G, LED) are indexed as lowercase words.
 * Everything else (punctuation, spaces, symbols — % _ \ ' ( ) * included) only separates.
 */
public final class Grams {

    public static final int MAX_QUERY = 50;

    private Grams() {
    }

    /** The elements of a text, each once. */
    public static List<String> of(String text) {
        Set<String> grams = new LinkedHashSet<>();
        for (Run r : runs(text)) {
            if (r.han()) {
                int[] cps = r.text().codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    grams.add(new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        grams.add(new String(cps, i, 2));
                    }
                }
            } else {
                grams.add(r.text());
            }
        }
        return List.copyOf(grams);
    }

    /**
     * What an entry must hold to match a query: of each Chinese run its pairs (or its one character),
     * of each other run the word. Empty when the query holds no letter, digit or Chinese character.
     */
    public static List<String> required(String query) {
        Set<String> grams = new LinkedHashSet<>();
        for (Run r : runs(query)) {
            int[] cps = r.text().codePoints().toArray();
            if (r.han() && cps.length > 1) {
                for (int i = 0; i + 1 < cps.length; i++) {
                    grams.add(new String(cps, i, 2));
                }
            } else {
                grams.add(r.text());
            }
        }
        return List.copyOf(grams);
    }

    /**
     * The Chinese runs of a query longer than two characters: holding their pairs is not enough (修路 and
     * 路灯 are in 修路旁装灯 but 修路灯 is not), so each must also be found as written. Words of two
     * characters and other words are decided by the elements alone.
     */
    public static List<String> phrases(String query) {
        return runs(query).stream().filter(r -> r.han() && r.text().codePointCount(0, r.text().length()) > 2)
                .map(Run::text).distinct().toList();
    }

    /** A phrase as a LIKE pattern of the lowered text, its wildcards and escape character escaped. */
    public static String likePattern(String phrase) {
        String q = phrase.strip().toLowerCase(Locale.ROOT);
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    record Run(String text, boolean han) {
    }

    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        StringBuilder current = new StringBuilder();
        Boolean han = null;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            boolean word = isHan || Character.isLetterOrDigit(cp);
            if (!word || (han != null && han != isHan)) {
                flush(runs, current, han);
                han = null;
            }
            if (word) {
                current.appendCodePoint(isHan ? cp : Character.toLowerCase(cp));
                han = isHan;
            }
        }
        flush(runs, current, han);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder current, Boolean han) {
        if (!current.isEmpty()) {
            String t = current.toString();
            runs.add(new Run(han ? t : t.substring(0, Math.min(t.length(), 40)), han));
            current.setLength(0);
        }
    }
}
