package io.mingjing.sdk;

import java.time.Instant;

/**
 * One inbox message to one person.
 *
 * @param id the message's id, unique in its county: use it to make delivery idempotent
 * @param recipient the person's user id, or null for someone without an account whom staff filed
 *        for (they came in person or phoned): the phone is the only way to reach them
 * @param phone the person's phone as registered with the county, or null when unknown
 * @param text the message, in Chinese, at most a few dozen characters
 * @param link the absolute address of the person's inbox on the portal, or null without an account
 */
public record Notification(long id, String recipient, String phone, String text, String link, Instant at) {
}
