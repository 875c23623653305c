package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One language per page works only if every word the pages ask for is there in both languages. */
class TextsTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = keys("zh");
        Set<String> en = keys("en");
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "in Chinese only");
        assertEquals(Set.of(), onlyEn, "in English only");
    }

    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/portal/texts_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
