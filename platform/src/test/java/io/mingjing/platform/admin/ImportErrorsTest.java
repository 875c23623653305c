package io.mingjing.platform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.portal.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportErrorsTest {

    @Test
    void eachProblemIsARowAColumnAndWordsInThePagesLanguage() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("row 3.code", "must be 12 digits starting with the county code 330782");
        errors.put("row 4.parentCode", "must be the code of a TOWN on an earlier row or already imported");
        errors.put("row 5", "repeats row 2 (same resident, programme and date)");
        errors.put("file", "not CSV");
        assertEquals(List.of(new ImportErrors.Problem(3, "code", "须为以本县代码 330782 开头的 12 位数字"),
                new ImportErrors.Problem(4, "parentCode", "须为前面行中或已导入的乡镇的代码"),
                new ImportErrors.Problem(5, null, "与第 2 行重复（同一人、同一项目、同一日期）"),
                new ImportErrors.Problem(null, null, "不是可读的 CSV 文件")), ImportErrors.of(errors, Texts.ZH));
    }

    @Test
    void anEnglishPageKeepsTheImportersOwnWords() {
        assertEquals("has 3 fields; expected 4", ImportErrors.of(Map.of("row 2", "has 3 fields; expected 4"),
                Texts.EN).get(0).message());
    }

    @Test
    void wordsNoPatternKnowsAreNeverShownInEnglishOnAChinesePage() {
        assertEquals("此格不符合要求", ImportErrors.of(Map.of("row 2.x", "something new"), Texts.ZH).get(0).message());
    }
}
