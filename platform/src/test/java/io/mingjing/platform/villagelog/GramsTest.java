package io.mingjing.platform.villagelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GramsTest {

    @Test
    void aChineseRunIsIndexedAsItsCharactersAndNeighbouringPairs() {
        assertEquals(List.of("修", "修路", "路", "路工", "工", "工程", "程"), Grams.of("修路工程"));
        assertTrue(Grams.of("今天村里修路，G60 旁装LED灯").containsAll(List.of("修路", "g60", "旁装", "led", "灯")));
    }

    @Test
    void aTwoCharacterWordIsOneElementAndALongerOneItsPairsAndAPhrase() {
        assertEquals(List.of("修路"), Grams.required("修路"));
        assertEquals(List.of(), Grams.phrases("修路"));
        assertEquals(List.of("修路", "路灯"), Grams.required("修路灯"));
        assertEquals(List.of("修路灯"), Grams.phrases("修路灯"));
        assertEquals(List.of("井"), Grams.required("井"));
    }

    @Test
    void metacharactersOnlySeparateAndNeverReachAPattern() {
        assertEquals(List.of(), Grams.required("%_\\.*+?()[]{}|^$'\";--"));
        assertEquals(List.of("drop", "table", "修路"), Grams.required("'; DROP TABLE 修路--"));
        assertEquals("%100\\%\\_a\\\\b%", Grams.likePattern("100%_a\\b"));
    }
}
