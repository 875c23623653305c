package io.mingjing.sdk;

import java.util.Objects;

/** A label in Chinese (shown first) and English. */
public record Names(String zh, String en) {

    public Names {
        Objects.requireNonNull(zh, "zh");
        en = en == null ? zh : en;
    }
}
