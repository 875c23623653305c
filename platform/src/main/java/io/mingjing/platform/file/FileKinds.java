package io.mingjing.platform.file;

import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells a file's kind from its first bytes (and, for Office files, the names inside the container),
 * never from the name or the type a client claims: those are how HTML or SVG gets in dressed as a photo.
 */
public final class FileKinds {

    /** What a disclosure may carry: scans, photos and office documents. */
    public static final Set<FileKind> DOCUMENTS = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG,
            FileKind.WEBP, FileKind.DOCX, FileKind.XLSX, FileKind.DOC, FileKind.XLS);
    public static final Set<FileKind> PHOTOS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP);
    /** What phones record: Chrome and Firefox WebM/Ogg, Safari MP4, Android 3GP/MP4, older recorders MP3/WAV. */
    public static final Set<FileKind> AUDIO = EnumSet.of(FileKind.WEBM_AUDIO, FileKind.OGG_AUDIO,
            FileKind.MP4_AUDIO, FileKind.MP3_AUDIO, FileKind.WAV_AUDIO);

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final Set<String> MP4_AUDIO_BRANDS = Set.of("M4A ", "M4B ", "mp41", "mp42", "isom", "iso2",
            "iso5", "iso6", "dash", "3gp4", "3gp5", "3gp6", "3gp7", "3g2a");

    private FileKinds() {
    }

    public static Optional<FileKind> detect(byte[] d) {
        if (d == null || d.length < 4) {
            return Optional.empty();
        }
        return Optional.ofNullable(image(d)).or(() -> Optional.ofNullable(document(d)))
                .or(() -> Optional.ofNullable(audio(d)));
    }

    /**
     * The file's kind if it is one of {@code allowed}; otherwise a 415 problem naming the allowed kinds.
     *
     * @param field the form field or parameter the file came in, for the problem's {@code errors}
     */
    public static FileKind require(byte[] data, Set<FileKind> allowed, String field) {
        FileKind kind = detect(data).filter(allowed::contains).orElse(null);
        if (kind == null) {
            String names = describe(allowed);
            throw new ProblemException(new Problem("about:blank", "Unsupported Media Type", 415,
                    "Only these kinds of file are accepted here: " + names + ". The file's content is none of them "
                            + "(its name and declared type are not what counts).",
                    Map.of(field, "must be " + names)), null);
        }
        return kind;
    }

    public static String describe(Set<FileKind> kinds) {
        return kinds.stream().map(FileKind::label).collect(Collectors.joining(", "));
    }

    private static FileKind image(byte[] d) {
        if (starts(d, 0, 0xFF, 0xD8, 0xFF)) {
            return FileKind.JPEG;
        }
        if (starts(d, 0, PNG)) {
            return FileKind.PNG;
        }
        return ascii(d, 0, "RIFF") && ascii(d, 8, "WEBP") && ascii(d, 12, "VP8") ? FileKind.WEBP : null;
    }

    private static FileKind document(byte[] d) {
        if (ascii(d, 0, "%PDF-")) {
            return FileKind.PDF;
        }
        if (starts(d, 0, OLE)) {
            return legacyOffice(d);
        }
        return ascii(d, 0, "PK\u0003\u0004") ? openXml(ZipNames.of(d)) : null;
    }

    /** An OLE container names its streams in UTF-16: Word keeps "WordDocument", Excel "Workbook" (or "Book"). */
    private static FileKind legacyOffice(byte[] d) {
        if (contains(d, utf16("WordDocument"))) {
            return FileKind.DOC;
        }
        return contains(d, utf16("Workbook")) || contains(d, utf16("Book")) ? FileKind.XLS : null;
    }

    private static FileKind openXml(List<String> names) {
        if (!names.contains("[Content_Types].xml")) {
            return null;
        }
        return names.contains("word/document.xml") ? FileKind.DOCX
                : names.contains("xl/workbook.xml") ? FileKind.XLSX : null;
    }

    private static FileKind audio(byte[] d) {
        if (starts(d, 0, EBML) && contains(Arrays.copyOf(d, Math.min(d.length, 64)), ascii("webm"))) {
            return FileKind.WEBM_AUDIO;
        }
        if (ascii(d, 0, "OggS")) {
            return FileKind.OGG_AUDIO;
        }
        if (ascii(d, 4, "ftyp") && d.length >= 12
                && MP4_AUDIO_BRANDS.contains(new String(d, 8, 4, StandardCharsets.ISO_8859_1))) {
            return FileKind.MP4_AUDIO;
        }
        if (ascii(d, 0, "RIFF") && ascii(d, 8, "WAVE")) {
            return FileKind.WAV_AUDIO;
        }
        boolean frameSync = (d[0] & 0xFF) == 0xFF && (d[1] & 0xE0) == 0xE0 && (d[1] & 0x06) != 0;
        return ascii(d, 0, "ID3") || frameSync ? FileKind.MP3_AUDIO : null;
    }

    private static boolean ascii(byte[] d, int at, String s) {
        return starts(d, at, ascii(s));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static boolean starts(byte[] d, int at, int... magic) {
        byte[] b = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            b[i] = (byte) magic[i];
        }
        return starts(d, at, b);
    }

    private static boolean starts(byte[] d, int at, byte[] magic) {
        return d.length >= at + magic.length && Arrays.equals(d, at, at + magic.length, magic, 0, magic.length);
    }

    private static boolean contains(byte[] d, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= d.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (d[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The entry names of a ZIP file from its central directory, without inflating anything (a small
     * upload can decompress to gigabytes). Anything malformed gives no names.
     */
    static final class ZipNames {
        private static final int END = 0x06054b50;
        private static final int ENTRY = 0x02014b50;
        private static final int MAX_ENTRIES = 10_000;

        private ZipNames() {
        }

        static List<String> of(byte[] d) {
            int end = findEnd(d);
            if (end < 0) {
                return List.of();
            }
            int count = u16(d, end + 10);
            long offset = u32(d, end + 16);
            List<String> names = new ArrayList<>();
            int at = (int) Math.min(offset, Integer.MAX_VALUE);
            for (int i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
                if (at < 0 || at + 46 > d.length || (int) u32(d, at) != ENTRY) {
                    return List.of();
                }
                int nameLength = u16(d, at + 28);
                if (at + 46 + nameLength > d.length) {
                    return List.of();
                }
                names.add(new String(d, at + 46, nameLength, StandardCharsets.UTF_8));
                at += 46 + nameLength + u16(d, at + 30) + u16(d, at + 32);
            }
            return names;
        }

        private static int findEnd(byte[] d) {
            for (int at = d.length - 22; at >= 0 && at >= d.length - 22 - 0xFFFF; at--) {
                if ((int) u32(d, at) == END) {
                    return at;
                }
            }
            return -1;
        }

        private static int u16(byte[] d, int at) {
            return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
        }

        private static long u32(byte[] d, int at) {
            return (u16(d, at) | (long) u16(d, at + 2) << 16) & 0xFFFFFFFFL;
        }
    }
}
