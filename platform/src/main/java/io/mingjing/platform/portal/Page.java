package io.mingjing.platform.portal;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.resident.IdCards;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IllegalFormatException;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every portal page knows: the county and its branding, the language, the caller, the village
 * the page is about (if any), the page's own path (for the language switch) and the form token every
 * POST form carries as {@code <input type="hidden" name="_csrf" value="{p.csrf}">}, and which
 * features the county has on (for links every page carries).
 */
public record Page(String tenant, String countyName, Map<String, String> branding, Texts texts, Caller caller,
        String villageCode, String villageName, String path, Supplier<String> csrfToken, Predicate<String> features) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    /** Asked for only by pages with a form, so other pages set no token cookie and stay cacheable. */
    public String csrf() {
        return csrfToken.get();
    }

    /** Whether the county has the feature on, e.g. {@code p.on('payments')}. */
    public boolean on(String feature) {
        return features.test(feature);
    }

    public String t(String key) {
        return texts.get(key);
    }

    /** The word for {@code prefix + key}, e.g. {@code tt('target.', 'TOWN')}. */
    public String tt(String prefix, String key) {
        return texts.get(prefix + key);
    }

    /** Whether to show the staff link (only a link: the staff pages check access themselves). */
    public boolean staffLink() {
        return caller.roles().stream().anyMatch(r -> !r.equals(Role.VILLAGER)
                && Role.COUNTY_ROLES.contains(r));
    }

    public String lang() {
        return texts.lang.equals("en") ? "en" : "zh-CN";
    }

    public boolean english() {
        return texts.lang.equals("en");
    }

    /** The link that switches to the other language and comes back here. */
    public String otherLang() {
        return "/t/" + tenant + "/lang/" + (english() ? "zh" : "en") + "?back="
                + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** A branding value from the county descriptor, or null. */
    public String brand(String key) {
        return branding.get(key);
    }

    public String color() {
        String c = branding.get("primaryColor");
        return c != null && c.matches("^#[0-9a-fA-F]{3,8}$") ? c : "#b03a2e";
    }

    /** The login link, coming back to this page afterwards. */
    public String loginHref() {
        return base() + "/login?back=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /**
     * "I have a question" about a record, e.g. {@code p.ask('disclosure', d.id)}: the form about it, after
     * logging in when the caller has not (a question is not anonymous).
     */
    public String ask(String about, Object id) {
        String form = base() + "/appeals/new?" + about + "=" + URLEncoder.encode(String.valueOf(id), StandardCharsets.UTF_8);
        return caller.anonymous() ? base() + "/login?back=" + URLEncoder.encode(form, StandardCharsets.UTF_8) : form;
    }

    /** The county's colour as the tab's icon, inline: no request of its own on a slow line. */
    public String favicon() {
        return "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16'"
                + " height='16' rx='3' fill='" + color().replace("#", "%23") + "'/%3E%3Ccircle cx='8' cy='8' r='4.5'"
                + " fill='none' stroke='%23fff' stroke-width='2'/%3E%3C/svg%3E";
    }

    /** Whether a role of the token is one of the county's roles (not one of Keycloak's own). */
    public boolean isRole(String role) {
        return Role.COUNTY_ROLES.contains(role) || Role.OPERATOR.equals(role);
    }

    public String base() {
        return "/t/" + tenant;
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    public String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public String yuan(BigDecimal amount) {
        return amount == null ? "" : "¥" + String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * A code as a person reads it: {@code approval.action.} + {@code form:budget} is the word for
     * {@code form} then the rest; a code without a word shows as itself, never as a key.
     */
    public String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        int colon = code.indexOf(':');
        String head = colon < 0 ? code : code.substring(0, colon);
        String word = texts.has(prefix + head) ? texts.get(prefix + head) : head;
        return colon < 0 ? word : word + (english() ? ": " : "：") + code.substring(colon + 1);
    }

    /**
     * A stored message in this page's language: its text key with the parameters, where a parameter
     * {@code t:<key>} is a word of the texts; the stored (Chinese) text when it has no words.
     */
    public String words(InboxMessage.Words w, String text) {
        if (w == null || !texts.has(w.key())) {
            return text;
        }
        Object[] args = w.params().stream().map(x -> x.startsWith("t:") && texts.has(x.substring(2))
                ? texts.get(x.substring(2)) : x).toArray();
        try {
            return String.format(texts.get(w.key()), args);
        } catch (IllegalFormatException e) {
            return text;
        }
    }

    /** An ID number as 3307**********1234: a page never shows the whole number. */
    public String masked(String idCard) {
        return idCard == null ? "" : IdCards.mask(idCard);
    }

    public String category(String c) {
        return texts.get("cat." + c);
    }
}
