package io.mingjing.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mingjing.platform.problem.ProblemException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void decodesUtf8WithAndWithoutBomAndGb18030() {
        assertEquals("名,村", CsvRows.decode("名,村".getBytes(StandardCharsets.UTF_8)));
        assertEquals("名,村", CsvRows.decode("\uFEFF名,村".getBytes(StandardCharsets.UTF_8)));
        assertEquals("欧阳,𠀀", CsvRows.decode("欧阳,𠀀".getBytes(Charset.forName("GB18030"))));
        assertEquals("龚", CsvRows.decode("龚".getBytes(Charset.forName("GBK"))));
    }

    @Test
    void refusesBytesThatAreNeither() {
        assertEquals(400, assertThrows(ProblemException.class,
                () -> CsvRows.decode(new byte[] { 'a', (byte) 0x81, 0x20 })).problem().status());
    }
}
