package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Does what the portal's script does for an anonymous report: fetch a challenge and solve it. */
public final class WorkProof {

    private WorkProof() {
    }

    /** The {@code Work-Proof} header value for one anonymous report in the county. */
    public static String header(String county) {
        var challenge = given().get("/api/t/" + county + "/appeals/challenge").then().statusCode(200).extract();
        String c = challenge.path("challenge");
        return c + " " + solve(c, challenge.<Integer>path("bits"));
    }

    public static String solve(String challenge, int bits) {
        for (long nonce = 0;; nonce++) {
            if (zeroBits(sha256(challenge + ":" + nonce)) >= bits) {
                return Long.toString(nonce);
            }
        }
    }

    private static int zeroBits(byte[] hash) {
        int zeros = 0;
        for (byte b : hash) {
            if (b != 0) {
                return zeros + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            zeros += 8;
        }
        return zeros;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
