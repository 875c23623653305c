package io.mingjing.platform.identity;

import java.security.SecureRandom;

/** Initial passwords for new accounts: readable (no 0/O, 1/l), 12 characters, changed at first login. */
public final class StaffPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private StaffPasswords() {
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
