package io.mingjing.platform.registry;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller or an address may do per minute in one county. A county may set its own numbers
 * (descriptor or operator API, {@code limits: {"appeal.perCaller": 10}}); these are the defaults.
 */
public enum Limit {
    /** Cases filed (portal, API, Open311) by one account. */
    APPEAL_PER_CALLER("appeal.perCaller", 10),
    /** Cases filed from one address, logged in or not: a village office shares one. */
    APPEAL_PER_ADDRESS("appeal.perAddress", 60),
    /** Anonymous reports from one address; each also costs a proof of work. */
    ANONYMOUS_PER_ADDRESS("anonymous.perAddress", 5),
    /** Tracking look-ups from one address: receipt codes cannot be guessed at speed. */
    TRACK_PER_ADDRESS("track.perAddress", 30),
    /** Account activations tried from one address. */
    ACTIVATE_PER_ADDRESS("activate.perAddress", 10),
    /** Activations tried for one phone number, wherever they come from. */
    ACTIVATE_PER_ACCOUNT("activate.perAccount", 5);

    public final String key;
    public final int perMinute;

    Limit(String key, int perMinute) {
        this.key = key;
        this.perMinute = perMinute;
    }

    public static Optional<Limit> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    /** The county's own number, or the default times {@code scale}. */
    public int of(Map<String, Integer> county, int scale) {
        Integer own = county == null ? null : county.get(key);
        return own == null ? perMinute * scale : own;
    }
}
