package io.mingjing.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void controlCharactersBrokenCharactersAndReplacementCharactersAreRefused() {
        for (String bad : List.of("\u0000", "a\u0001", "\u007f", "\u0085", "\ud800", "x\udc00", "\ufffd", "\uffff")) {
            assertNotNull(Text.problem(bad, true), bad);
        }
        assertNull(Text.problem("义乌市 七一村 😀 line\nbreak\ttab\r", true));
        assertNotNull(Text.problem("line\nbreak", false));
    }

    @Test
    void namesMayNotHoldWhatKeycloakRefuses() {
        assertNull(Text.nameProblem("欧阳娜娜"));
        assertNull(Text.nameProblem("张三（示例）"));
        for (String bad : List.of("=1+1", "<b>", "a>b", "x&y", "a/b")) {
            assertNotNull(Text.nameProblem(bad), bad);
        }
    }

    @Test
    void addressesAreDecodedStrictlyAndNamed() {
        assertEquals(Map.of(), RequestLine.errors("/api/t/yiwu/policies?q=%E4%B8%AD+x&page=2"));
        assertTrue(RequestLine.errors("/api/t/yiwu/p%00").containsKey("path"));
        assertTrue(RequestLine.errors("/api/t/yiwu/p%ED%A0%80").containsKey("path"));
        assertTrue(RequestLine.errors("/api/t/yiwu/p?q=%FF").containsKey("query.q"));
        assertTrue(RequestLine.errors("/x?q=%zz").containsKey("query.q"));
        assertTrue(RequestLine.errors("/x?%00=1").containsKey("query"));
        assertNull(RequestLine.decode("%E4%B8", false));
        assertTrue(RequestLine.literalPercent("/api/t/yiwu/m/%25/a"));
        assertTrue(!RequestLine.literalPercent("/api/t/yiwu/policies?q=100%25"));
        assertEquals(Map.of(), RequestLine.errors("/api/t/yiwu/policies?q=100%25"));
    }

    @Test
    void goingBackStaysWithinTheCounty() {
        String home = "/t/yiwu/";
        assertEquals("/t/yiwu/policies?page=2", LocalPaths.under(home, "/t/yiwu/policies?page=2").orElseThrow().toString());
        for (String bad : List.of("https://evil.example/t/yiwu/", "//evil.example/t/yiwu/", "/t/yiwu/\\\\evil",
                "/t/yiwu/../../api/platform/tenants", "/t/other/", "javascript:alert(1)", "/t/yiwu/ x")) {
            assertTrue(LocalPaths.under(home, bad).isEmpty(), bad);
        }
    }
}
