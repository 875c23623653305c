package io.mingjing.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reading of a county path: canonical paths name their county, every other spelling of one is refused. */
class CountyPathTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/t/yiwu/admin/modules", "/api/t/yiwu", "/t/yiwu/", "/t/yiwu", "/t/a-b/appeals/new",
            "/t/yiwu/m/market/%E5%B8%82" })
    void canonicalCountyPathsNameTheirCounty(String path) {
        CountyPath p = CountyPath.of(path);
        assertTrue(p.isCounty(), path);
        assertFalse(p.invalid(), path);
        assertEquals(path.startsWith("/api/"), p.api());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/platform/tenants", "/q/health/ready", "/static/portal.js", "/api/tenants/yiwu",
            "/tt/yiwu", "/api/x/yiwu" })
    void otherPathsAreNoCountyPaths(String path) {
        CountyPath p = CountyPath.of(path);
        assertFalse(p.isCounty(), path);
        assertFalse(p.invalid(), path);
    }

    /** Every way of writing a county segment that a router could read as another segment. */
    static Stream<String> disguised() {
        List<String> forms = List.of("yiwu;x=1", "yiwu;", ";x=1", "yiwu%3bx=1", "yiwu%3Bx=1", "%79iwu", "yiwu%2f..",
                "YIWU", "yi%77u", "yiwu%00", "%2e%2e", "..", ".", "", "yiwu\\..", "y", "yiwu%252f");
        return forms.stream().flatMap(f -> Stream.of("/api/t/" + f + "/admin/modules", "/t/" + f + "/appeals/new"));
    }

    @ParameterizedTest
    @MethodSource("disguised")
    void aDisguisedCountySegmentIsInvalid(String path) {
        assertTrue(CountyPath.of(path).invalid(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/t/yiwu/../../api/t/hepu/admin/modules", "/t/yiwu/./x", "/api/t/yiwu//admin",
            "/t/yiwu/%2e%2e/%2e%2e/api/t/hepu", "/t/yiwu/a;b=c/d", "/t/yiwu/a\\b", "//api/t/yiwu/admin/modules",
            "/api/./t/yiwu/admin", "/api/t/./yiwu/admin", "/x/../api/t/yiwu/admin/modules", "/%74/yiwu/appeals",
            "/api/%74/yiwu/admin/modules", "/api;x=1/t/yiwu/admin/modules", "/t;x=1/yiwu/" })
    void aPathThatCouldBeRoutedElsewhereIsInvalid(String path) {
        assertTrue(CountyPath.of(path).invalid(), path);
    }
}
