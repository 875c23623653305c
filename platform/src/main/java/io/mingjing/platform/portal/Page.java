package io.mingjing.platform.portal;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.identity.Caller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    public String category(String c) {
        return texts.get("cat." + c);
    }
}
