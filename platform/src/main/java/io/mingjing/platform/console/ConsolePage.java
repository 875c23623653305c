package io.mingjing.platform.console;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.portal.Texts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * What every operator console page knows: the language, the operator, the page's own path (for the
 * language switch) and the form token its POST forms carry as {@code <input type="hidden" name="_csrf">}.
 */
public record ConsolePage(Texts texts, Caller caller, String path, Supplier<String> csrfToken) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public String csrf() {
        return csrfToken.get();
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String tt(String prefix, String key) {
        return texts.get(prefix + key);
    }

    public boolean english() {
        return texts.lang.equals("en");
    }

    public String lang() {
        return english() ? "en" : "zh-CN";
    }

    public String otherLang() {
        return "/console/lang/" + (english() ? "zh" : "en") + "?back=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public String time(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }
}
