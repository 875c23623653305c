package io.mingjing.platform.resident;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resident ID-card numbers (GB 11643): checked, stored only encrypted (AES-256-GCM), found by a
 * keyed hash (HMAC-SHA256), shown masked as {@code 3307**********1234}.
 */
@ApplicationScoped
public class IdCards {

    private static final Pattern FORMAT = Pattern.compile("^\\d{17}[\\dX]$");
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    IdCards(@ConfigProperty(name = "mingjing.secret") String secret) {
        this.encryptionKey = new SecretKeySpec(derive(secret, "id-card-encryption"), "AES");
        this.hashKey = new SecretKeySpec(derive(secret, "id-card-hash"), "HmacSHA256");
    }

    /** @return why the number is not a valid resident ID number, or null */
    public static String problem(String number) {
        if (number == null || !FORMAT.matcher(number).matches()) {
            return "must be 18 characters: 17 digits and a digit or X";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == number.charAt(17) ? null : "has a wrong check digit";
    }

    /**
     * The birth date an 18-digit number carries in its digits 7-14 ({@code yyyyMMdd}).
     *
     * @return null when they are not a real date from 1900 up to today (China time): a number can pass its
     *         check digit and still hold none
     */
    public static LocalDate birthDate(String number, LocalDate today) {
        if (number == null || !FORMAT.matcher(number).matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(number.substring(6, 14), BIRTH);
            return d.getYear() < 1900 || d.isAfter(today) ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String mask(String number) {
        return number.substring(0, 4) + "*".repeat(10) + number.substring(14);
    }

    public String hash(String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String number) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ID number cannot be decrypted with this platform's key", e);
        }
    }

    private static byte[] derive(String secret, String purpose) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + ":" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
