package io.mingjing.platform.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Pure logic: what the bytes are, whatever the name or declared type says. */
class FileKindsTest {

    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R');
    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F');

    @Test
    void recognisesTheAllowedKindsByTheirBytes() throws IOException {
        assertEquals(Optional.of(FileKind.PNG), FileKinds.detect(PNG));
        assertEquals(Optional.of(FileKind.JPEG), FileKinds.detect(JPEG));
        assertEquals(Optional.of(FileKind.WEBP), FileKinds.detect(ascii("RIFF\0\0\0\0WEBPVP8 ")));
        assertEquals(Optional.of(FileKind.PDF), FileKinds.detect(ascii("%PDF-1.7\n%âãÏÓ")));
        assertEquals(Optional.of(FileKind.DOCX), FileKinds.detect(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(Optional.of(FileKind.XLSX), FileKinds.detect(zip("[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(Optional.of(FileKind.DOC), FileKinds.detect(ole("WordDocument")));
        assertEquals(Optional.of(FileKind.XLS), FileKinds.detect(ole("Workbook")));
        assertEquals(Optional.of(FileKind.OGG_AUDIO), FileKinds.detect(ascii("OggS\0\2")));
        assertEquals(Optional.of(FileKind.MP4_AUDIO), FileKinds.detect(ascii("\0\0\0\u0018ftypM4A \0\0")));
        assertEquals(Optional.of(FileKind.MP3_AUDIO), FileKinds.detect(ascii("ID3\4\0")));
        assertEquals(Optional.of(FileKind.WEBM_AUDIO), FileKinds.detect(concat(bytes(0x1A, 0x45, 0xDF, 0xA3),
                ascii("\u0093B\u0082\u0084webm"))));
    }

    @Test
    void activeContentIsNoKindWhateverItClaims() throws IOException {
        for (String s : new String[] {"<!DOCTYPE html><script>alert(1)</script>", "<svg xmlns='http://www.w3.org/2000/svg'"
                + " onload='alert(1)'/>", "<?xml version='1.0'?><svg/>", "\uFEFF<html>", "   <svg/>", "GIF89a",
                "{\"json\":true}", "plain text", "MZ\u0090\0"}) {
            assertEquals(Optional.empty(), FileKinds.detect(s.getBytes(StandardCharsets.UTF_8)), s);
        }
        assertEquals(Optional.empty(), FileKinds.detect(zip("index.html")), "a plain ZIP is not an Office file");
        assertEquals(Optional.empty(), FileKinds.detect(zip("[Content_Types].xml", "ppt/presentation.xml")));
        assertEquals(Optional.empty(), FileKinds.detect(ascii("\0\0\0\u0018ftypheic")), "HEIC is not audio");
        assertEquals(Optional.empty(), FileKinds.detect(new byte[0]));
        assertEquals(Optional.empty(), FileKinds.detect(null));
    }

    @Test
    void aPolyglotIsWhatItsFirstBytesSayAndNothingMore() {
        byte[] pngThenHtml = concat(PNG, ascii("<html><script>alert(1)</script>"));
        assertEquals(Optional.of(FileKind.PNG), FileKinds.detect(pngThenHtml), "served as image/png, never as HTML");
        assertEquals(Optional.empty(), FileKinds.detect(concat(ascii("<html>"), PNG)));
    }

    @Test
    void aTruncatedOrForgedZipIsRejectedNotThrown() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        for (int cut = 4; cut < docx.length; cut += 7) {
            byte[] part = java.util.Arrays.copyOf(docx, cut);
            assertTrue(FileKinds.detect(part).isEmpty() || FileKinds.detect(part).get() == FileKind.DOCX);
        }
        byte[] forged = docx.clone();
        forged[forged.length - 6] = (byte) 0xFF; // central directory offset far beyond the file
        assertFalse(FileKinds.detect(forged).isPresent());
    }

    @Test
    void aRefusalIs415AndNamesWhatIsAllowed() {
        ProblemException e = assertThrows(ProblemException.class, () -> FileKinds.require(
                ascii("<svg/>"), FileKinds.PHOTOS, "photo"));
        assertEquals(415, e.problem().status());
        assertTrue(e.problem().detail().contains("JPEG, PNG, WebP"), e.problem().detail());
        assertTrue(e.problem().errors().containsKey("photo"));
        assertThrows(ProblemException.class, () -> FileKinds.require(ascii("OggS"), FileKinds.DOCUMENTS, "file"),
                "audio is only for the voice note");
        assertEquals(FileKind.PDF, FileKinds.require(ascii("%PDF-1.4"), FileKinds.DOCUMENTS, "file"));
    }

    @Test
    void filenamesCannotBreakTheHeaderAndKeepTheirUnicode() {
        String h = StoredFile.ContentDisposition.of(false, "a\"b\r\nSet-Cookie: x=1;\\%.pdf");
        assertFalse(h.contains("\r") || h.contains("\n"), h);
        assertEquals("attachment; filename=\"a_b__Set-Cookie: x=1;__.pdf\"; filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A"
                + "%20x%3D1%3B%5C%25.pdf", h);
        assertEquals("inline; filename=\"__.png\"; filename*=UTF-8''%E5%87%AD%E8%AF%81.png",
                StoredFile.ContentDisposition.of(true, "凭证.png"));
        assertEquals("attachment", StoredFile.ContentDisposition.of(false, null));
        assertEquals("x.html.pdf", StoredFile.filename("x.html", FileKind.PDF));
        assertEquals("凭证.JPG", StoredFile.filename("凭证.JPG", FileKind.JPEG));
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] ole(String stream) {
        byte[] header = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
        return concat(concat(header, new byte[504]), stream.getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
