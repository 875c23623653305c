package io.mingjing.platform.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.input.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads an uploaded CSV file whose first line must be the expected header; blank lines are skipped. */
public final class CsvRows {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES);

    private CsvRows() {
    }

    /** @return the rows after the header; row i of the list is line i + 2 of the file */
    public static List<List<String>> read(byte[] csv, List<String> header) {
        if (csv == null || csv.length == 0) {
            throw ProblemException.invalid(400, "The body must be a CSV file.", Map.of("file", "is empty"));
        }
        List<List<String>> rows = new ArrayList<>();
        String text = decode(csv);
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                List<String> row = it.next();
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(400, "The file is not readable CSV.", Map.of("file", "not CSV"));
        }
        if (rows.isEmpty() || !header.equals(rows.get(0))) {
            throw ProblemException.invalid(400, "The first line must be: " + String.join(",", header),
                    Map.of("row 1", "expected header " + String.join(",", header)));
        }
        return rows.subList(1, rows.size());
    }

    /**
     * County offices export from Excel, which writes GBK/GB18030 unless told otherwise: strict UTF-8
     * (with or without a byte-order mark) first, then strict GB18030, which includes GBK. Either way
     * no byte is silently turned into U+FFFD.
     */
    static String decode(byte[] csv) {
        String text = strict(StandardCharsets.UTF_8, csv);
        if (text == null) {
            text = strict(Charset.forName("GB18030"), csv);
        }
        if (text == null) {
            throw ProblemException.invalid(400, "The file is neither UTF-8 nor GBK/GB18030 text; save it from "
                    + "Excel as \"CSV UTF-8\" and upload it again.", Map.of("file", "has bytes that are not text"));
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String why = Text.problem(text, true);
        if (why != null) {
            throw ProblemException.invalid(400, "The file contains characters that are not allowed.",
                    Map.of("file", why));
        }
        return text;
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The label of row i (0-based, after the header) as users count lines in the file. */
    public static String row(int i) {
        return "row " + (i + 2);
    }
}
