package io.mingjing.platform.secure;

import java.security.SecureRandom;

/**
 * Random codes people read off paper or a phone and type back: tracking numbers, receipt codes,
 * activation codes. Capitals and digits without look-alikes (no I, L, O, 0, 1), so an elderly
 * villager copying a card does not fail on a letter that looks like a digit.
 */
public final class Codes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    public static String random(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
