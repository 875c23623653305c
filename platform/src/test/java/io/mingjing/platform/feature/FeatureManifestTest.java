package io.mingjing.platform.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.DevStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every feature's manifest names exists: its texts in both languages, its changelog in the master. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class FeatureManifestTest {

    @Inject
    Features features;

    @Test
    void everyTextKeyOfAManifestIsInChineseAndEnglish() throws IOException {
        Properties zh = texts("zh");
        Properties en = texts("en");
        List<String> missing = new ArrayList<>();
        for (FeatureManifest f : features.all()) {
            for (String key : keys(f, zh)) {
                if (!zh.containsKey(key) || !en.containsKey(key)) {
                    missing.add(f.id() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Its columns' titles, and every key under its prefix in either language (so none is in one only). */
    private static Set<String> keys(FeatureManifest f, Properties zh) {
        Set<String> keys = f.columns().stream().map(PortalColumn::titleKey).collect(Collectors.toSet());
        if (f.textPrefix() != null) {
            Set<String> prefixed = zh.stringPropertyNames().stream().filter(k -> k.startsWith(f.textPrefix()))
                    .collect(Collectors.toSet());
            assertFalse(prefixed.isEmpty(), f.id() + " has no texts under " + f.textPrefix());
            keys.addAll(prefixed);
        }
        return keys;
    }

    @Test
    void everyFeaturesChangelogIsIncludedByTheMaster() throws IOException {
        String master = Files.readString(Path.of("src/main/resources/db/tenant.xml"));
        for (FeatureManifest f : features.all()) {
            String file = f.module().changelog().path();
            assertTrue(master.contains("<include file=\"" + file.substring("db/".length()) + "\""), f.id() + ": " + file);
        }
    }

    @Test
    void featuresAreFoundFromTheirBeansAndHaveDistinctColumns() {
        Set<String> ids = features.all().stream().map(FeatureManifest::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("appeals", "disclosures", "notices", "payments", "policies", "power-list",
                "village-posts", "inbox", "residents", "staff", "audit", "org-units")), ids.toString());
        List<String> slugs = features.all().stream().flatMap(f -> f.columns().stream()).map(PortalColumn::slug)
                .toList();
        assertEquals(slugs.size(), Set.copyOf(slugs).size(), slugs.toString());
    }

    private static Properties texts(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FeatureManifestTest.class.getResourceAsStream("/portal/texts_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
