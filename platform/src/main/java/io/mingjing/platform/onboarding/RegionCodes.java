package io.mingjing.platform.onboarding;

import java.util.Set;

/** GB/T 2260 rules a county code must satisfy: a real province prefix and a county-level suffix. */
final class RegionCodes {

    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private RegionCodes() {
    }

    /** @return why the code is not a county code, or null when it is one */
    static String problem(String code) {
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return "does not start with a province code of GB/T 2260";
        }
        if (code.endsWith("00")) {
            return "is a province or city code; a county code does not end in 00";
        }
        return null;
    }
}
