package io.mingjing.platform.input;

/**
 * What text the platform accepts. Control characters end up in PostgreSQL (which refuses NUL), in
 * Keycloak, in CSV exports and in log lines; lone surrogates and U+FFFD mean the client decoded its
 * text with the wrong character set, and storing them would lose the villager's words for good.
 */
public final class Text {

    /**
     * A person's or place's name as Keycloak accepts it: its person-name validator refuses these
     * characters, and an account whose name it refuses would fail deep inside an import.
     */
    public static final String NAME = "^[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]*$";
    public static final String NAME_MESSAGE = "must not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";
    private static final java.util.regex.Pattern NAME_PATTERN = java.util.regex.Pattern.compile(NAME);

    private Text() {
    }

    /**
     * @param lineBreaks whether tab, line feed and carriage return are allowed (free text) or not (paths,
     *                   queries, identifiers)
     * @return what is wrong with the text in plain words, or null when it is acceptable
     */
    public static String problem(CharSequence text, boolean lineBreaks) {
        for (int i = 0; text != null && i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
                return "contains a broken character (U+" + hex(c) + "); send the text as UTF-8";
            } else if (control(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return "contains the control character U+" + hex(c);
            }
        }
        return null;
    }

    /** @return {@link #NAME_MESSAGE} when the name has a character an account name may not have, else null */
    public static String nameProblem(String name) {
        return name == null || NAME_PATTERN.matcher(name).matches() ? null : NAME_MESSAGE;
    }

    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
